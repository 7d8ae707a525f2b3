/**
 * What makes a drinking-water sample non-compliant, as data. Free residual chlorine must
 * stay within a band at the tap (too little does not disinfect, too much is refused by
 * people), and water for drinking must carry no E. coli and no coliform bacteria in 100 mL.
 */
export const WATER_THRESHOLDS = {
  FREE_CHLORINE_LOW: { limit: 0.1, unit: 'mg/L', says: 'free chlorine below 0.1 mg/L' },
  FREE_CHLORINE_HIGH: { limit: 1.0, unit: 'mg/L', says: 'free chlorine above 1.0 mg/L' },
  E_COLI: { limit: 0, unit: 'CFU/100 mL', says: 'E. coli present' },
  TOTAL_COLIFORMS: { limit: 0, unit: 'CFU/100 mL', says: 'coliform bacteria present' },
} as const;
export type ThresholdCode = keyof typeof WATER_THRESHOLDS;

/** The thresholds a sample fails; none means it is compliant. */
export function failuresOf(sample: {
  freeChlorine: number;
  eColi: number;
  totalColiforms: number;
}): ThresholdCode[] {
  const failures: ThresholdCode[] = [];
  if (sample.freeChlorine < WATER_THRESHOLDS.FREE_CHLORINE_LOW.limit)
    failures.push('FREE_CHLORINE_LOW');
  if (sample.freeChlorine > WATER_THRESHOLDS.FREE_CHLORINE_HIGH.limit)
    failures.push('FREE_CHLORINE_HIGH');
  if (sample.eColi > WATER_THRESHOLDS.E_COLI.limit) failures.push('E_COLI');
  if (sample.totalColiforms > WATER_THRESHOLDS.TOTAL_COLIFORMS.limit)
    failures.push('TOTAL_COLIFORMS');
  return failures;
}
