import { crc32 } from "node:zlib";

// CRC-32 arithmetic (zlib's polynomial, reflected: bit 31 is x^0), after zlib's crc32_combine.
const POLYNOMIAL = 0xedb88320;

/** a·b modulo the CRC polynomial. */
function multiply(a: number, b: number): number {
  let product = 0;
  let factor = b;
  for (let bit = 0x80000000; bit !== 0; bit >>>= 1) {
    if (a & bit) {
      product ^= factor;
      if ((a & (bit - 1)) === 0) break;
    }
    factor = factor & 1 ? (factor >>> 1) ^ POLYNOMIAL : factor >>> 1;
  }
  return product >>> 0;
}

/** x^(2^k) for k from 0 to 31. */
const SQUARES: number[] = [];
for (let k = 0, power = 0x40000000; k < 32; k += 1, power = multiply(power, power)) SQUARES.push(power);

/** x^(8·bytes): what `bytes` zero bytes after a message multiply its CRC's linear part by. */
function afterBytes(bytes: number): number {
  let power = 0x80000000;
  for (let n = bytes, k = 3; n > 0; n = Math.floor(n / 2), k += 1) {
    if (n % 2) power = multiply(SQUARES[k % 32] ?? 0, power);
  }
  return power;
}

/**
 * The CRC-32 of a message with holes of one length, known but for what fills the holes: each answer's CRC
 * comes from its filling in constant time, however long the message (CRC-32 is affine over GF(2)).
 */
export class HoledCrc {
  private readonly zeroFilled: number;
  private readonly holeWeight: number;
  private readonly zeroHole: number;

  /** `message` has zeros in its holes, which start at `holes` and are `holeLength` long. */
  constructor(
    message: Buffer,
    holes: readonly number[],
    private readonly holeLength: number,
  ) {
    this.zeroFilled = crc32(message);
    this.zeroHole = crc32(Buffer.alloc(holeLength));
    this.holeWeight = holes.reduce(
      (sum, at) => (sum ^ afterBytes(message.length - at - holeLength)) >>> 0,
      0,
    );
  }

  /** The CRC-32 of the message with every hole holding `filling`. */
  with(filling: Buffer): number {
    if (filling.length !== this.holeLength) throw new Error("a filling must be as long as the holes");
    return (this.zeroFilled ^ multiply(this.holeWeight, (crc32(filling) ^ this.zeroHole) >>> 0)) >>> 0;
  }
}
