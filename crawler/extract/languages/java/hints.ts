import { HINTS, type Hint, type HintOrigin } from '../../../model/index.ts';

/** The Java annotation defaults of Quarkus `@Tool.Annotations` and Spring `@McpTool.McpAnnotations` (= spec defaults). */
export const JAVA_HINT_DEFAULTS: Record<Hint, boolean> = {
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: false,
  openWorldHint: true,
};

export interface DeclaredAnnotations {
  title?: string;
  hints: Partial<Record<Hint, boolean>>;
}

/**
 * Annotations as the server will send them. Hints the author set are `explicit`; when the SDK fills
 * in the others from the annotation's Java defaults they are `sdk-default`; otherwise `absent`.
 */
export function toolAnnotations(
  declared: DeclaredAnnotations | null,
  sdkFillsDefaults: boolean,
): { annotations: Record<string, unknown> | null; annotationsOrigin: Record<string, HintOrigin> } {
  const annotations: Record<string, unknown> = {};
  const annotationsOrigin: Record<string, HintOrigin> = {};
  if (declared?.title) annotations.title = declared.title;
  for (const hint of HINTS) {
    const value = declared?.hints[hint];
    if (value !== undefined) {
      annotations[hint] = value;
      annotationsOrigin[hint] = 'explicit';
    } else if (sdkFillsDefaults) {
      annotations[hint] = JAVA_HINT_DEFAULTS[hint];
      annotationsOrigin[hint] = 'sdk-default';
    } else {
      annotationsOrigin[hint] = 'absent';
    }
  }
  return { annotations: Object.keys(annotations).length ? annotations : null, annotationsOrigin };
}

export function isHint(key: string): key is Hint {
  return (HINTS as readonly string[]).includes(key);
}
