/**
 * Just enough of the protocol buffers wire format to write an ONNX model (onnx.proto, proto3): varints,
 * length-delimited fields and nested messages. Test fixtures only.
 */
export type Field = Uint8Array;

function varint(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
  return out;
}

const key = (field: number, wireType: number) => varint(field * 8 + wireType);

export function int(field: number, value: number): Field {
  return Uint8Array.from([...key(field, 0), ...varint(value)]);
}

export function bytes(field: number, value: Uint8Array): Field {
  return Uint8Array.from([...key(field, 2), ...varint(value.length), ...value]);
}

export function text(field: number, value: string): Field {
  return bytes(field, new TextEncoder().encode(value));
}

export function message(field: number, ...fields: Field[]): Field {
  return bytes(field, concat(fields));
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
