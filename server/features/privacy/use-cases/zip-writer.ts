// A small zip writer (PKWARE APPNOTE 4.3/4.4: local headers, data, central directory, end record), so the export needs
// no new package: entries are deflated with node:zlib, CRC-32 from zlib.crc32 (Node ≥ 20.15). No zip64: an archive
// and each entry stay below 4 GiB and 65,535 entries, far above one student's data; beyond that it refuses.
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Buffer;
  modified?: Date;
}

const LIMIT = 0xffffffff;

/** MS-DOS date and time, as zip stores them (local time, two-second steps, from 1980). */
function dosDateTime(date: Date): { time: number; day: number } {
  const year = Math.max(1980, date.getFullYear());
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    day: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

export function zip(entries: ZipEntry[]): Buffer {
  if (entries.length > 0xffff) throw new Error('too many entries for a zip without zip64');
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data);
    // Already-compressed data (a photo, a PDF) may grow when deflated: then it is stored as it is.
    const stored = compressed.length >= entry.data.length;
    const body = stored ? entry.data : compressed;
    if (entry.data.length > LIMIT || offset + body.length > LIMIT) throw new Error('archive too large for a zip without zip64');
    const crc = crc32(entry.data);
    const { time, day } = dosDateTime(entry.modified ?? new Date());
    const method = stored ? 0 : 8;
    const flags = 0x0800; // names in UTF-8

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    parts.push(local, name, body);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(0x0314, 4); // made by: Unix (3), spec 2.0 — Info-ZIP unzip reads the UTF-8 flag then
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(day, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(body.length, 20);
    header.writeUInt32LE(entry.data.length, 24);
    header.writeUInt16LE(name.length, 28);
    // extra, comment, disk, internal attributes: 0; external: a Unix regular file rw-r--r-- (made by Unix, above).
    header.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
