/**
 * The hygiene office's request categories as Open311 GeoReport v2 services: what a 311 app
 * lists, and the service code it files under. The codes are the categories in lower case,
 * so each maps to exactly one category and back.
 */
export const OPEN311_SERVICES = [
  {
    category: 'WASTE_NOT_COLLECTED',
    service_name: 'Déchets non collectés',
    description: 'Rubbish or bins not collected on the usual round.',
    keywords: 'waste,garbage,bins,ordures',
    group: 'cleanliness',
  },
  {
    category: 'WATER_LEAK',
    service_name: 'Fuite d’eau',
    description: 'A leak on the public water network or a flooded street.',
    keywords: 'water,leak,fuite',
    group: 'water',
  },
  {
    category: 'PUBLIC_LIGHTING',
    service_name: 'Éclairage public',
    description: 'A street light out or flickering.',
    keywords: 'light,streetlight,éclairage',
    group: 'streets',
  },
  {
    category: 'NOISE',
    service_name: 'Nuisances sonores',
    description: 'Noise from a worksite, a business or a neighbour.',
    keywords: 'noise,bruit',
    group: 'nuisances',
  },
  {
    category: 'UNSANITARY_PREMISES',
    service_name: 'Local insalubre',
    description: 'Unsanitary premises or an establishment open to the public in poor hygiene.',
    keywords: 'hygiene,insalubre,rats',
    group: 'hygiene',
  },
  {
    category: 'STRAY_ANIMALS',
    service_name: 'Animaux errants',
    description: 'Stray dogs or other animals.',
    keywords: 'animals,dogs,chiens',
    group: 'hygiene',
  },
  {
    category: 'OTHER',
    service_name: 'Autre',
    description: 'Anything else for the hygiene office.',
    keywords: 'other,autre',
    group: 'other',
  },
] as const;

export const serviceCodeOf = (category: string) => category.toLowerCase();

export function categoryOf(serviceCode: string): string | null {
  const s = OPEN311_SERVICES.find(
    (x) => serviceCodeOf(x.category) === serviceCode.trim().toLowerCase(),
  );
  return s?.category ?? null;
}

export function serviceNameOf(category: string): string {
  return OPEN311_SERVICES.find((x) => x.category === category)?.service_name ?? category;
}

/** GET services.json: every service, as GeoReport v2 lists them (no extra attributes). */
export const serviceList = () =>
  OPEN311_SERVICES.map((s) => ({
    service_code: serviceCodeOf(s.category),
    service_name: s.service_name,
    description: s.description,
    metadata: false,
    type: 'realtime',
    keywords: s.keywords,
    group: s.group,
  }));
