/**
 * Memory of each process as deployed (the container's limit, MiB) and the V8 heap it is
 * given within it: the Kubernetes manifests (scripts/k8s-manifests.ts) and the benchmark
 * (bench/graph.ts), which runs the processes as production does, read them here.
 */
export function memoryMiOf(process: string): number {
  if (process === 'gateway' || process === 'citizens') return 768;
  if (process === 'relay') return 256;
  return 512;
}

/** Old space at three quarters of the container: the rest is young space, code and buffers. */
export const heapFlag = (memoryMi: number): string =>
  `--max-old-space-size=${Math.floor(memoryMi * 0.75)}`;
