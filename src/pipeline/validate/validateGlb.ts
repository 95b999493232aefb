// gltf-validator ships CommonJS without types.
// @ts-expect-error no type declarations
import validator from 'gltf-validator';

export interface GlbReport {
  errors: number;
  warnings: number;
  infos: number;
  /** Error and warning messages with their JSON pointer. */
  messages: string[];
}

/** Runs the Khronos glTF validator on GLB bytes (external resources are not allowed). */
export async function validateGlb(bytes: Uint8Array, uri = 'content.glb'): Promise<GlbReport> {
  const report = await validator.validateBytes(bytes, {
    uri,
    maxIssues: 50,
    externalResourceFunction: (u: string) => Promise.reject(new Error(`external resource ${u} not allowed`)),
  });
  const issues = report.issues;
  return {
    errors: issues.numErrors, warnings: issues.numWarnings, infos: issues.numInfos,
    messages: issues.messages.filter((m: { severity: number }) => m.severity <= 1)
      .map((m: { code: string; message: string; pointer?: string }) => `${m.code} ${m.message} at ${m.pointer ?? '/'}`),
  };
}
