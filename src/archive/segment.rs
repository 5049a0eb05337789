//! A segment: the cached rows, details and text index of one bucket of
//! files, as one immutable file (or bytes built in memory when there is no
//! cache folder).
//!
//! Layout (little-endian; offsets from the start of the segment):
//!
//! ```text
//! header    104 bytes: magic, version, counts, generation, section
//!           offsets, total length, checksums of the docs table and rows,
//!           and of the dictionaries
//! docs      48 bytes per file: stamp, size, path, row and detail extents,
//!           detail checksum, flags
//! rows      per file: its relative path, then its row (see `record`)
//! details   per file: its detail
//! unigrams  8 bytes per char: char, offset of its doc list; then an end entry
//! pairs     16 bytes per char pair: key, offsets of its doc list and of its
//!           position blocks; then an end entry
//! streams   unigram doc lists, pair doc lists, pair position blocks
//! ```
//!
//! Opening reads the header, the docs table and the rows (checksummed); the
//! dictionaries (checksummed) are read at the first search; details and
//! streams are read from the file when used (`pread`), so only what a
//! screen or a search needs is ever in memory. (A memory map would be simpler, but the kernel maps whole large
//! page-cache folios on each fault, so a few searches would pull most of the
//! index into the resident set.)
//!
//! The text index is positional: for every string value of a file (ASCII
//! folded to lower case), every character position `p` is listed under the
//! pair (char at p, char at p+1), or (char at p, END) for the last char of
//! the value. Positions of consecutive values are separated by one unused
//! position, so no pair spans two values. A query of n ≥ 2 chars matches a
//! file iff there is a start `s` with each of its pairs at `s + i`; checking
//! every other pair (and the last) suffices, since positions in between
//! cannot be gaps. Matching is therefore exact, with no text to verify.
//!
//! A doc list is a sequence of varint gaps between doc numbers (for pairs,
//! each followed by the byte length of the doc's position block); a
//! position block is a sequence of varint gaps between positions.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::Arc;

use super::codec::{Corrupt, Result, checksum, le_u32, le_u64};

const MAGIC: &[u8; 8] = b"YISHISEG";
/// Bump when the layout or the meaning of any field changes.
pub const VERSION: u32 = 4;
const HEADER: usize = 104;
const DOC: usize = 48;
const UNI: usize = 8;
const BI: usize = 16;
/// The pair partner of the last char of a value.
const END: u32 = u32::MAX;

/// One file's contribution to a segment.
#[derive(Debug, Clone, Default)]
pub struct DocInput {
    /// Path relative to the archive folder, as bytes.
    pub rel: Vec<u8>,
    pub mtime_ns: i64,
    pub size: u64,
    pub row: Vec<u8>,
    pub detail: Vec<u8>,
    /// The searchable text: string values, ASCII folded.
    pub values: Vec<String>,
    /// Whether the file's text could be read (UTF-8), so that it was
    /// indexed even if it holds no string at all.
    pub has_text: bool,
}

/// Stamp and size of a file as it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocMeta {
    pub mtime_ns: i64,
    pub size: u64,
    pub has_text: bool,
}

#[derive(Debug)]
enum Source {
    File(std::fs::File),
    Owned(Vec<u8>),
}

/// Where a list is in the streams.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extent {
    pub off: u64,
    pub len: usize,
}

/// The doc list and position blocks of one pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PairExtent {
    pub docs: Extent,
    pub positions: Extent,
}

/// The dictionaries of a segment.
#[derive(Debug)]
struct Dicts {
    uni: Vec<u8>,
    bi: Vec<u8>,
}

/// An opened, checked segment. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Segment {
    src: Arc<Source>,
    pub generation: u64,
    pub ndocs: u32,
    docs: Arc<[u8]>,
    /// Read at the first search; `None` if damaged.
    dicts: Arc<std::sync::OnceLock<Option<Dicts>>>,
    n_uni: u64,
    n_bi: u64,
    dict_sum: u64,
    off_uni: u64,
    off_bi: u64,
    off_details: u64,
    off_streams: u64,
    total: u64,
}

fn to_u32(v: usize) -> std::io::Result<u32> {
    u32::try_from(v).map_err(|_| std::io::Error::other("archive index segment over 4 GiB"))
}

fn push_var(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

#[inline]
pub fn read_var(buf: &[u8], pos: &mut usize) -> Result<u64> {
    let mut v = 0u64;
    let mut shift = 0u32;
    loop {
        let b = *buf.get(*pos).ok_or(Corrupt)?;
        *pos += 1;
        if shift > 63 {
            return Err(Corrupt);
        }
        v |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Ok(v);
        }
        shift += 7;
    }
}

/// A fast hasher for the integer keys of the index builder.
#[derive(Default)]
struct Mix(u64);

impl Hasher for Mix {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ (h >> 33)
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Mix>>;

#[derive(Default)]
struct PairPostings {
    docs: Vec<u8>,
    positions: Vec<u8>,
    next_doc: u32,
}

/// Build the bytes of a segment.
pub fn build(docs: &[DocInput], generation: u64) -> std::io::Result<Vec<u8>> {
    let ndocs = to_u32(docs.len())?;
    // Rows and details.
    let mut rows = Vec::new();
    let mut details = Vec::new();
    let mut table = Vec::with_capacity(docs.len() * DOC);
    for d in docs {
        let path_off = to_u32(rows.len())?;
        rows.extend_from_slice(&d.rel);
        let row_off = to_u32(rows.len())?;
        rows.extend_from_slice(&d.row);
        let detail_off = to_u32(details.len())?;
        details.extend_from_slice(&d.detail);
        table.extend_from_slice(&d.mtime_ns.to_le_bytes());
        table.extend_from_slice(&d.size.to_le_bytes());
        for v in [
            path_off,
            to_u32(d.rel.len())?,
            row_off,
            to_u32(d.row.len())?,
            detail_off,
            to_u32(d.detail.len())?,
            checksum(&d.detail) as u32,
            u32::from(d.has_text),
        ] {
            table.extend_from_slice(&v.to_le_bytes());
        }
    }

    // Text index.
    let mut uni: FastMap<u32, (Vec<u8>, u32)> = FastMap::default();
    let mut pairs: FastMap<u64, PairPostings> = FastMap::default();
    let mut chars: Vec<u32> = Vec::new();
    let mut occurrences: Vec<(u64, u32)> = Vec::new();
    let mut block = Vec::new();
    for (doc, d) in docs.iter().enumerate() {
        let doc = doc as u32;
        chars.clear();
        occurrences.clear();
        let mut base: u32 = 0;
        for v in &d.values {
            let mut it = v.chars().map(u32::from).peekable();
            let mut p = base;
            while let Some(c) = it.next() {
                chars.push(c);
                let next = it.peek().copied().unwrap_or(END);
                occurrences.push(((u64::from(c) << 32) | u64::from(next), p));
                p = p.saturating_add(1);
            }
            base = p.saturating_add(1);
        }
        chars.sort_unstable();
        chars.dedup();
        for &c in &chars {
            let (list, next) = uni.entry(c).or_default();
            push_var(list, u64::from(doc - *next));
            *next = doc + 1;
        }
        // Positions are already in order within each pair.
        occurrences.sort_by_key(|o| o.0);
        let mut i = 0;
        while i < occurrences.len() {
            let key = occurrences[i].0;
            let mut j = i;
            block.clear();
            let mut next_pos = 0u32;
            while j < occurrences.len() && occurrences[j].0 == key {
                let p = occurrences[j].1;
                push_var(&mut block, u64::from(p - next_pos));
                next_pos = p + 1;
                j += 1;
            }
            let post = pairs.entry(key).or_default();
            push_var(&mut post.docs, u64::from(doc - post.next_doc));
            push_var(&mut post.docs, block.len() as u64);
            post.next_doc = doc + 1;
            post.positions.extend_from_slice(&block);
            i = j;
        }
    }

    let mut uni_keys: Vec<u32> = uni.keys().copied().collect();
    uni_keys.sort_unstable();
    let mut pair_keys: Vec<u64> = pairs.keys().copied().collect();
    pair_keys.sort_unstable();

    let mut streams = Vec::new();
    let mut uni_dict = Vec::with_capacity((uni_keys.len() + 1) * UNI);
    for c in &uni_keys {
        uni_dict.extend_from_slice(&c.to_le_bytes());
        uni_dict.extend_from_slice(&to_u32(streams.len())?.to_le_bytes());
        streams.extend_from_slice(&uni[c].0);
    }
    uni_dict.extend_from_slice(&u32::MAX.to_le_bytes());
    uni_dict.extend_from_slice(&to_u32(streams.len())?.to_le_bytes());
    drop(uni);
    let mut doc_offs = Vec::with_capacity(pair_keys.len() + 1);
    for k in &pair_keys {
        doc_offs.push(to_u32(streams.len())?);
        streams.extend_from_slice(&pairs[k].docs);
    }
    doc_offs.push(to_u32(streams.len())?);
    let mut bi_dict = Vec::with_capacity((pair_keys.len() + 1) * BI);
    for (k, doc_off) in pair_keys.iter().zip(&doc_offs) {
        bi_dict.extend_from_slice(&k.to_le_bytes());
        bi_dict.extend_from_slice(&doc_off.to_le_bytes());
        bi_dict.extend_from_slice(&to_u32(streams.len())?.to_le_bytes());
        streams.extend_from_slice(&pairs[k].positions);
    }
    bi_dict.extend_from_slice(&u64::MAX.to_le_bytes());
    bi_dict.extend_from_slice(&doc_offs[doc_offs.len() - 1].to_le_bytes());
    bi_dict.extend_from_slice(&to_u32(streams.len())?.to_le_bytes());
    drop(pairs);

    let off_docs = HEADER;
    let off_rows = off_docs + table.len();
    let off_details = off_rows + rows.len();
    let off_uni = off_details + details.len();
    let off_bi = off_uni + uni_dict.len();
    let off_streams = off_bi + bi_dict.len();
    let total = off_streams + streams.len();
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&ndocs.to_le_bytes());
    out.extend_from_slice(&generation.to_le_bytes());
    out.extend_from_slice(&to_u32(uni_keys.len())?.to_le_bytes());
    out.extend_from_slice(&to_u32(pair_keys.len())?.to_le_bytes());
    for off in [
        off_docs,
        off_rows,
        off_details,
        off_uni,
        off_bi,
        off_streams,
        total,
    ] {
        out.extend_from_slice(&(off as u64).to_le_bytes());
    }
    out.extend_from_slice(&[0; 16]);
    debug_assert_eq!(out.len(), HEADER);
    out.extend_from_slice(&table);
    out.extend_from_slice(&rows);
    out.extend_from_slice(&details);
    out.extend_from_slice(&uni_dict);
    out.extend_from_slice(&bi_dict);
    out.extend_from_slice(&streams);
    let front = checksum(&out[off_docs..off_details]);
    let dicts = checksum(&out[off_uni..off_streams]);
    out[88..96].copy_from_slice(&front.to_le_bytes());
    out[96..104].copy_from_slice(&dicts.to_le_bytes());
    Ok(out)
}

/// Walks a doc list: docs in increasing order with, for pair lists, the
/// range of each doc's block in the pair's position blocks.
#[derive(Debug, Clone, Default)]
pub struct DocCursor {
    at: usize,
    next_doc: u32,
    block_at: usize,
}

impl DocCursor {
    #[inline]
    pub fn next(
        &mut self,
        list: &[u8],
        with_positions: bool,
    ) -> Result<Option<(u32, Range<usize>)>> {
        if self.at >= list.len() {
            return Ok(None);
        }
        let gap = read_var(list, &mut self.at)?;
        let doc = u32::try_from(u64::from(self.next_doc) + gap).map_err(|_| Corrupt)?;
        self.next_doc = doc.checked_add(1).ok_or(Corrupt)?;
        if !with_positions {
            return Ok(Some((doc, 0..0)));
        }
        let len = usize::try_from(read_var(list, &mut self.at)?).map_err(|_| Corrupt)?;
        let start = self.block_at;
        let end = start.checked_add(len).ok_or(Corrupt)?;
        self.block_at = end;
        Ok(Some((doc, start..end)))
    }
}

impl Segment {
    /// Open a segment file: read and check its header, docs table, rows
    /// and dictionaries. Returns the rows region for decoding the rows.
    pub fn open_file(file: std::fs::File) -> Result<(Segment, Vec<u8>)> {
        Segment::open(Source::File(file))
    }

    /// Open segment bytes built in memory.
    pub fn open_bytes(bytes: Vec<u8>) -> Result<(Segment, Vec<u8>)> {
        Segment::open(Source::Owned(bytes))
    }

    fn open(src: Source) -> Result<(Segment, Vec<u8>)> {
        let total_len = match &src {
            Source::File(f) => f.metadata().map_err(|_| Corrupt)?.len(),
            Source::Owned(v) => v.len() as u64,
        };
        let mut head = vec![0; HEADER];
        read_exact_at(&src, 0, &mut head)?;
        if &head[..8] != MAGIC || le_u32(&head, 8)? != VERSION {
            return Err(Corrupt);
        }
        let ndocs = le_u32(&head, 12)?;
        let generation = le_u64(&head, 16)?;
        let n_uni = le_u32(&head, 24)? as u64;
        let n_bi = le_u32(&head, 28)? as u64;
        let off = |i: usize| le_u64(&head, 32 + 8 * i);
        let (off_docs, off_rows, off_details, off_uni, off_bi, off_streams, total) = (
            off(0)?,
            off(1)?,
            off(2)?,
            off(3)?,
            off(4)?,
            off(5)?,
            off(6)?,
        );
        let ordered = off_docs == HEADER as u64
            && Some(off_rows) == off_docs.checked_add(u64::from(ndocs) * DOC as u64)
            && off_rows <= off_details
            && off_details <= off_uni
            && Some(off_bi) == off_uni.checked_add((n_uni + 1) * UNI as u64)
            && Some(off_streams) == off_bi.checked_add((n_bi + 1) * BI as u64)
            && off_streams <= total
            && total == total_len
            && total <= u64::from(u32::MAX);
        if !ordered {
            return Err(Corrupt);
        }
        let (off_docs, off_rows, off_details) =
            (off_docs as usize, off_rows as usize, off_details as usize);
        let mut front = vec![0; off_details - off_docs];
        read_exact_at(&src, off_docs as u64, &mut front)?;
        if checksum(&front) != le_u64(&head, 88)? {
            return Err(Corrupt);
        }
        let rows = front.split_off(off_rows - off_docs);
        let seg = Segment {
            src: Arc::new(src),
            generation,
            ndocs,
            docs: front.into(),
            dicts: Arc::new(std::sync::OnceLock::new()),
            n_uni,
            n_bi,
            dict_sum: le_u64(&head, 96)?,
            off_uni,
            off_bi,
            off_details: off_details as u64,
            off_streams,
            total,
        };
        Ok((seg, rows))
    }

    /// The dictionaries, read and checked at the first call.
    fn dicts(&self) -> Result<&Dicts> {
        self.dicts
            .get_or_init(|| self.read_dicts().ok())
            .as_ref()
            .ok_or(Corrupt)
    }

    /// Read the dictionaries now (they are otherwise read at the first
    /// search). Fails if they are damaged.
    pub fn load_dicts(&self) -> Result<()> {
        self.dicts().map(|_| ())
    }

    fn read_dicts(&self) -> Result<Dicts> {
        let len = usize::try_from(self.off_streams - self.off_uni).map_err(|_| Corrupt)?;
        let mut uni = vec![0; len];
        read_exact_at(&self.src, self.off_uni, &mut uni)?;
        if checksum(&uni) != self.dict_sum {
            return Err(Corrupt);
        }
        let bi = uni.split_off((self.off_bi - self.off_uni) as usize);
        // Offsets must not decrease or leave the file.
        let mut last = 0u64;
        for i in 0..=self.n_uni as usize {
            let o = u64::from(le_u32(&uni, i * UNI + 4)?);
            if o < last || self.off_streams + o > self.total {
                return Err(Corrupt);
            }
            last = o;
        }
        let (mut last_doc, mut last_pos) = (0u64, 0u64);
        for i in 0..=self.n_bi as usize {
            let d = u64::from(le_u32(&bi, i * BI + 8)?);
            let p = u64::from(le_u32(&bi, i * BI + 12)?);
            if d < last_doc || p < last_pos || self.off_streams + p > self.total {
                return Err(Corrupt);
            }
            (last_doc, last_pos) = (d, p);
        }
        Ok(Dicts { uni, bi })
    }

    /// Size of the segment in bytes.
    pub fn len_bytes(&self) -> u64 {
        self.total
    }

    /// Bytes held in memory for this segment (docs table, dictionaries
    /// once read).
    pub fn resident_bytes(&self) -> usize {
        self.docs.len()
            + self
                .dicts
                .get()
                .and_then(Option::as_ref)
                .map_or(0, |d| d.uni.len() + d.bi.len())
    }

    fn doc_field(&self, doc: u32, i: usize) -> Result<usize> {
        if doc >= self.ndocs {
            return Err(Corrupt);
        }
        Ok(le_u32(&self.docs, doc as usize * DOC + 16 + 4 * i)? as usize)
    }

    pub fn meta(&self, doc: u32) -> Result<DocMeta> {
        if doc >= self.ndocs {
            return Err(Corrupt);
        }
        let at = doc as usize * DOC;
        Ok(DocMeta {
            mtime_ns: le_u64(&self.docs, at)? as i64,
            size: le_u64(&self.docs, at + 8)?,
            has_text: le_u32(&self.docs, at + 44)? & 1 == 1,
        })
    }

    fn slice(rows: &[u8], off: usize, len: usize) -> Result<&[u8]> {
        rows.get(off..off.checked_add(len).ok_or(Corrupt)?)
            .ok_or(Corrupt)
    }

    /// The rows region, read again (for keeping the rows of unchanged
    /// files when the bucket is rebuilt).
    pub fn read_rows(&self) -> Result<Vec<u8>> {
        let start = (HEADER + self.docs.len()) as u64;
        let len = usize::try_from(self.off_details - start).map_err(|_| Corrupt)?;
        let mut buf = vec![0; len];
        read_exact_at(&self.src, start, &mut buf)?;
        Ok(buf)
    }

    /// The relative path of a doc, as bytes, from the rows region.
    pub fn rel<'r>(&self, doc: u32, rows: &'r [u8]) -> Result<&'r [u8]> {
        Segment::slice(rows, self.doc_field(doc, 0)?, self.doc_field(doc, 1)?)
    }

    /// The row of a doc, from the rows region.
    pub fn row<'r>(&self, doc: u32, rows: &'r [u8]) -> Result<&'r [u8]> {
        Segment::slice(rows, self.doc_field(doc, 2)?, self.doc_field(doc, 3)?)
    }

    /// The detail bytes of a doc, read and checked against their checksum.
    pub fn detail(&self, doc: u32) -> Result<Vec<u8>> {
        let off = self.doc_field(doc, 4)? as u64;
        let len = self.doc_field(doc, 5)?;
        let sum = self.doc_field(doc, 6)? as u32;
        let at = self.off_details + off;
        if at + len as u64 > self.total {
            return Err(Corrupt);
        }
        let mut buf = vec![0; len];
        read_exact_at(&self.src, at, &mut buf)?;
        if checksum(&buf) as u32 != sum {
            return Err(Corrupt);
        }
        Ok(buf)
    }

    /// Read `e` (a stream extent) into `buf`, replacing its contents.
    pub fn read(&self, e: Extent, buf: &mut Vec<u8>) -> Result<()> {
        let at = self.off_streams.checked_add(e.off).ok_or(Corrupt)?;
        if at.checked_add(e.len as u64).ok_or(Corrupt)? > self.total {
            return Err(Corrupt);
        }
        buf.clear();
        buf.resize(e.len, 0);
        read_exact_at(&self.src, at, buf)
    }

    /// The doc list of char `c`.
    pub fn unigram(&self, c: u32) -> Result<Option<Extent>> {
        let uni = &self.dicts()?.uni;
        let n = uni.len() / UNI - 1;
        let (mut lo, mut hi) = (0usize, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let key = le_u32(uni, mid * UNI)?;
            match key.cmp(&c) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    let off = le_u32(uni, mid * UNI + 4)?;
                    let end = le_u32(uni, (mid + 1) * UNI + 4)?;
                    return Ok(Some(Extent {
                        off: u64::from(off),
                        len: end.checked_sub(off).ok_or(Corrupt)? as usize,
                    }));
                }
            }
        }
        Ok(None)
    }

    /// The doc list and position blocks of the pair (`a`, `b`).
    pub fn pair(&self, a: u32, b: u32) -> Result<Option<PairExtent>> {
        let key = (u64::from(a) << 32) | u64::from(b);
        let bi = &self.dicts()?.bi;
        let n = bi.len() / BI - 1;
        let (mut lo, mut hi) = (0usize, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let k = le_u64(bi, mid * BI)?;
            match k.cmp(&key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    let at = mid * BI;
                    let (d0, p0) = (le_u32(bi, at + 8)?, le_u32(bi, at + 12)?);
                    let (d1, p1) = (le_u32(bi, at + 24)?, le_u32(bi, at + 28)?);
                    return Ok(Some(PairExtent {
                        docs: Extent {
                            off: u64::from(d0),
                            len: d1.checked_sub(d0).ok_or(Corrupt)? as usize,
                        },
                        positions: Extent {
                            off: u64::from(p0),
                            len: p1.checked_sub(p0).ok_or(Corrupt)? as usize,
                        },
                    }));
                }
            }
        }
        Ok(None)
    }
}

fn read_exact_at(src: &Source, at: u64, buf: &mut [u8]) -> Result<()> {
    match src {
        Source::Owned(v) => {
            let start = usize::try_from(at).map_err(|_| Corrupt)?;
            let end = start.checked_add(buf.len()).ok_or(Corrupt)?;
            buf.copy_from_slice(v.get(start..end).ok_or(Corrupt)?);
            Ok(())
        }
        #[cfg(unix)]
        Source::File(f) => {
            use std::os::unix::fs::FileExt;
            f.read_exact_at(buf, at).map_err(|_| Corrupt)
        }
        #[cfg(windows)]
        Source::File(f) => {
            use std::os::windows::fs::FileExt;
            let mut done = 0;
            while done < buf.len() {
                match f.seek_read(&mut buf[done..], at + done as u64) {
                    Ok(0) | Err(_) => return Err(Corrupt),
                    Ok(n) => done += n,
                }
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(rel: &str, values: &[&str]) -> DocInput {
        DocInput {
            rel: rel.as_bytes().to_vec(),
            mtime_ns: 7,
            size: 9,
            row: vec![1, 2, 3],
            detail: vec![4, 5],
            values: values.iter().map(|s| s.to_string()).collect(),
            has_text: true,
        }
    }

    fn docs_of(seg: &Segment, e: Extent, with_positions: bool) -> Vec<(u32, Vec<u32>)> {
        let mut list = Vec::new();
        seg.read(e, &mut list).unwrap();
        let mut c = DocCursor::default();
        let mut out = Vec::new();
        while let Some((d, r)) = c.next(&list, with_positions).unwrap() {
            out.push((d, vec![r.start as u32, r.end as u32]));
        }
        out
    }

    #[test]
    fn builds_and_reads_back_docs_and_postings() {
        let docs = vec![doc("a.ron", &["北苑居", "abc"]), doc("b/c.ron", &["苑居x"])];
        let bytes = build(&docs, 42).unwrap();
        let (seg, rows) = Segment::open_bytes(bytes.clone()).unwrap();
        assert_eq!(seg.ndocs, 2);
        assert_eq!(seg.generation, 42);
        assert_eq!(seg.rel(1, &rows).unwrap(), b"b/c.ron");
        assert_eq!(seg.row(0, &rows).unwrap(), &[1, 2, 3]);
        assert_eq!(seg.detail(1).unwrap(), vec![4, 5]);
        assert!(seg.meta(0).unwrap().has_text);
        let e = seg.unigram(u32::from('苑')).unwrap().unwrap();
        let docs: Vec<u32> = docs_of(&seg, e, false).iter().map(|x| x.0).collect();
        assert_eq!(docs, vec![0, 1]);
        let p = seg.pair(u32::from('苑'), u32::from('居')).unwrap().unwrap();
        let mut blocks = Vec::new();
        seg.read(p.positions, &mut blocks).unwrap();
        let listed = docs_of(&seg, p.docs, true);
        assert_eq!(listed.len(), 2);
        // One position each: 1 in doc 0 (北苑居), 0 in doc 1 (苑居x).
        for ((d, r), want) in listed.iter().zip([1u64, 0]) {
            let block = &blocks[r[0] as usize..r[1] as usize];
            let mut at = 0;
            assert_eq!(read_var(block, &mut at).unwrap(), want, "doc {d}");
            assert_eq!(at, block.len());
        }
        // No pair spans two values: 居 ends the first value of doc 0.
        assert!(seg.pair(u32::from('居'), u32::from('a')).unwrap().is_none());
        assert!(seg.pair(u32::from('居'), END).unwrap().is_some());
        // A damaged table, a truncated or a foreign file is refused; a
        // damaged dictionary at the first search.
        let mut bad = bytes.clone();
        bad[HEADER + 3] ^= 1;
        assert!(Segment::open_bytes(bad).is_err());
        let off_bi = le_u64(&bytes, 64).unwrap() as usize;
        let mut bad = bytes.clone();
        bad[off_bi + 1] ^= 1;
        let (seg, _) = Segment::open_bytes(bad).unwrap();
        assert!(seg.pair(u32::from('苑'), u32::from('居')).is_err());
        assert!(seg.unigram(u32::from('苑')).is_err());
        assert!(seg.load_dicts().is_err());
        assert!(Segment::open_bytes(bytes[..bytes.len() - 1].to_vec()).is_err());
        assert!(Segment::open_bytes(b"(theme: ())".to_vec()).is_err());
    }
}
