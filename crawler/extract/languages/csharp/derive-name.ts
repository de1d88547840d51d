/**
 * The tool name the C# SDK derives from a method name (`AIFunctionMcpServerTool.DeriveName`):
 * drop an `Async` suffix of async methods, turn runs of non-ASCII-alphanumerics into `_`, trim `_`,
 * then apply `JsonNamingPolicy.SnakeCaseLower`. `GetWeatherAsync` → `get_weather`,
 * `XMLReader` → `xml_reader`, `SHA512Hash` → `sha512_hash`.
 */
export function deriveToolName(methodName: string, isAsync: boolean): string {
  let name = methodName;
  if (isAsync && name.endsWith('Async') && name.length > 'Async'.length) name = name.slice(0, -'Async'.length);
  name = name.replace(/[^0-9A-Za-z]+/g, '_').replace(/^_+|_+$/g, '');
  if (name === '') name = methodName;
  return snakeCaseLower(name);
}

type State = 'start' | 'upper' | 'lowerOrDigit' | 'space';

/** System.Text.Json's separator naming policy with `_`, lower case (JsonSeparatorNamingPolicy.ConvertName). */
export function snakeCaseLower(name: string): string {
  let out = '';
  let state: State = 'start';
  const chars = [...name];
  chars.forEach((char, index) => {
    if (isUpper(char)) {
      if (state === 'lowerOrDigit' || state === 'space') out += '_';
      // Inside a run of capitals, the last one starts a new word when a lower-case letter follows.
      else if (state === 'upper' && index + 1 < chars.length && isLower(chars[index + 1])) out += '_';
      out += char.toLowerCase();
      state = 'upper';
    } else if (isLower(char) || /\p{Nd}/u.test(char)) {
      if (state === 'space') out += '_';
      out += char;
      state = 'lowerOrDigit';
    } else if (/\p{Zs}/u.test(char)) {
      if (state !== 'start') state = 'space';
    } else {
      out += char;
      state = 'start';
    }
  });
  return out;
}

function isUpper(char: string): boolean {
  return /\p{Lu}/u.test(char);
}

function isLower(char: string): boolean {
  return /\p{Ll}/u.test(char);
}
