//! A small binary encoding for the archive cache: LEB128 varints, length-
//! prefixed UTF-8, fixed-width little-endian numbers. Decoding is bounds-
//! checked everywhere and never panics: a damaged cache decodes to
//! [`Corrupt`], and the archive rebuilds it from the minutes files.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::domain::Timestamp;

/// The cache is damaged, foreign or from another format version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Corrupt;

impl std::fmt::Display for Corrupt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the archive cache is damaged")
    }
}

impl std::error::Error for Corrupt {}

pub type Result<T> = std::result::Result<T, Corrupt>;

#[derive(Debug, Default, Clone)]
pub struct Enc {
    pub buf: Vec<u8>,
}

impl Enc {
    pub fn new() -> Self {
        Enc::default()
    }

    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }

    pub fn bool(&mut self, v: bool) {
        self.buf.push(u8::from(v));
    }

    pub fn var(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }

    pub fn u32(&mut self, v: u32) {
        self.var(u64::from(v));
    }

    pub fn usize(&mut self, v: usize) {
        self.var(v as u64);
    }

    pub fn i64(&mut self, v: i64) {
        self.var(((v << 1) ^ (v >> 63)) as u64);
    }

    pub fn fixed_u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub fn fixed_u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub fn str(&mut self, s: &str) {
        self.usize(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }

    pub fn date(&mut self, d: NaiveDate) {
        self.i64(i64::from(chrono::Datelike::num_days_from_ce(&d)));
    }

    pub fn opt_date(&mut self, d: Option<NaiveDate>) {
        match d {
            Some(d) => {
                self.u8(1);
                self.date(d);
            }
            None => self.u8(0),
        }
    }

    pub fn ts(&mut self, t: Timestamp) {
        self.i64(t.timestamp());
        self.u32(t.timestamp_subsec_nanos());
        self.i64(i64::from(t.offset().local_minus_utc()));
    }
}

/// A reader over encoded bytes.
#[derive(Debug, Clone)]
pub struct Dec<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Dec<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        Dec { buf, pos: 0 }
    }

    pub fn is_done(&self) -> bool {
        self.pos >= self.buf.len()
    }

    pub fn u8(&mut self) -> Result<u8> {
        let b = *self.buf.get(self.pos).ok_or(Corrupt)?;
        self.pos += 1;
        Ok(b)
    }

    pub fn bool(&mut self) -> Result<bool> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Corrupt),
        }
    }

    pub fn var(&mut self) -> Result<u64> {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let b = self.u8()?;
            if shift >= 64 || (shift == 63 && b > 1) {
                return Err(Corrupt);
            }
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
            shift += 7;
        }
    }

    pub fn u32(&mut self) -> Result<u32> {
        u32::try_from(self.var()?).map_err(|_| Corrupt)
    }

    pub fn usize(&mut self) -> Result<usize> {
        usize::try_from(self.var()?).map_err(|_| Corrupt)
    }

    /// A length that must fit in what is left (each element takes at least
    /// one byte), so a damaged length cannot make us allocate gigabytes.
    pub fn len(&mut self) -> Result<usize> {
        let n = self.usize()?;
        if n > self.buf.len() - self.pos.min(self.buf.len()) {
            return Err(Corrupt);
        }
        Ok(n)
    }

    pub fn i64(&mut self) -> Result<i64> {
        let v = self.var()?;
        Ok(((v >> 1) as i64) ^ -((v & 1) as i64))
    }

    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.pos.checked_add(n).ok_or(Corrupt)?;
        let b = self.buf.get(self.pos..end).ok_or(Corrupt)?;
        self.pos = end;
        Ok(b)
    }

    pub fn fixed_u32(&mut self) -> Result<u32> {
        let b = self.bytes(4)?;
        Ok(u32::from_le_bytes(b.try_into().map_err(|_| Corrupt)?))
    }

    pub fn str(&mut self) -> Result<&'a str> {
        let n = self.usize()?;
        std::str::from_utf8(self.bytes(n)?).map_err(|_| Corrupt)
    }

    pub fn string(&mut self) -> Result<String> {
        self.str().map(str::to_owned)
    }

    pub fn date(&mut self) -> Result<NaiveDate> {
        let days = i32::try_from(self.i64()?).map_err(|_| Corrupt)?;
        NaiveDate::from_num_days_from_ce_opt(days).ok_or(Corrupt)
    }

    pub fn opt_date(&mut self) -> Result<Option<NaiveDate>> {
        match self.u8()? {
            0 => Ok(None),
            1 => self.date().map(Some),
            _ => Err(Corrupt),
        }
    }

    pub fn ts(&mut self) -> Result<Timestamp> {
        let secs = self.i64()?;
        let nanos = self.u32()?;
        let offset = i32::try_from(self.i64()?).map_err(|_| Corrupt)?;
        let offset = FixedOffset::east_opt(offset).ok_or(Corrupt)?;
        let utc = DateTime::from_timestamp(secs, nanos).ok_or(Corrupt)?;
        Ok(utc.with_timezone(&offset))
    }
}

/// Read a fixed-width little-endian u32 at `at`.
pub fn le_u32(buf: &[u8], at: usize) -> Result<u32> {
    let b = buf
        .get(at..at.checked_add(4).ok_or(Corrupt)?)
        .ok_or(Corrupt)?;
    Ok(u32::from_le_bytes(b.try_into().map_err(|_| Corrupt)?))
}

/// Read a fixed-width little-endian u64 at `at`.
pub fn le_u64(buf: &[u8], at: usize) -> Result<u64> {
    let b = buf
        .get(at..at.checked_add(8).ok_or(Corrupt)?)
        .ok_or(Corrupt)?;
    Ok(u64::from_le_bytes(b.try_into().map_err(|_| Corrupt)?))
}

/// A fast 64-bit checksum (four interleaved multiply-rotate lanes), to
/// notice damaged cache data. Not cryptographic.
pub fn checksum(data: &[u8]) -> u64 {
    const K: [u64; 4] = [
        0x9e37_79b9_7f4a_7c15,
        0xc2b2_ae3d_27d4_eb4f,
        0x1656_67b1_9e37_79f9,
        0x85eb_ca77_c2b2_ae63,
    ];
    let mut lanes = K;
    let mut chunks = data.chunks_exact(32);
    for chunk in &mut chunks {
        for (i, lane) in lanes.iter_mut().enumerate() {
            let w = u64::from_le_bytes(chunk[i * 8..i * 8 + 8].try_into().expect("8 bytes"));
            *lane = (*lane ^ w).wrapping_mul(K[i]).rotate_left(31);
        }
    }
    let mut h = lanes.iter().fold(data.len() as u64, |h, l| {
        (h ^ l).wrapping_mul(K[0]).rotate_left(27)
    });
    for (i, &b) in chunks.remainder().iter().enumerate() {
        h = (h ^ (u64::from(b) << ((i % 8) * 8)))
            .wrapping_mul(K[1])
            .rotate_left(13);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
}

/// FNV-1a, for stable names (cache folders, buckets).
pub fn fnv1a(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_numbers_strings_dates_and_instants() {
        let mut e = Enc::new();
        e.var(0);
        e.var(u64::MAX);
        e.i64(-5);
        e.i64(i64::MIN);
        e.str("北苑居 ABC");
        let d = NaiveDate::from_ymd_opt(2016, 3, 15).unwrap();
        e.date(d);
        let t = DateTime::parse_from_rfc3339("2016-03-16T09:00:00+08:00").unwrap();
        e.ts(t);
        let mut r = Dec::new(&e.buf);
        assert_eq!(r.var().unwrap(), 0);
        assert_eq!(r.var().unwrap(), u64::MAX);
        assert_eq!(r.i64().unwrap(), -5);
        assert_eq!(r.i64().unwrap(), i64::MIN);
        assert_eq!(r.str().unwrap(), "北苑居 ABC");
        assert_eq!(r.date().unwrap(), d);
        let back = r.ts().unwrap();
        assert_eq!(back, t);
        assert_eq!(back.offset(), t.offset());
        assert!(r.is_done());
    }

    #[test]
    fn damaged_input_is_an_error_not_a_panic() {
        assert_eq!(Dec::new(&[0x80, 0x80]).var(), Err(Corrupt));
        assert_eq!(Dec::new(&[0xff; 11]).var(), Err(Corrupt));
        assert_eq!(Dec::new(&[5, b'a']).str(), Err(Corrupt));
        assert_eq!(Dec::new(&[2, 0xff, 0xfe]).str(), Err(Corrupt));
        assert_eq!(Dec::new(&[100]).len(), Err(Corrupt));
        assert_eq!(le_u64(&[1, 2, 3], 0), Err(Corrupt));
        assert_eq!(le_u32(&[1, 2, 3, 4], usize::MAX), Err(Corrupt));
    }

    #[test]
    fn checksum_notices_a_flipped_byte() {
        let data: Vec<u8> = (0..1000u32).map(|i| (i * 7) as u8).collect();
        let h = checksum(&data);
        for at in [0, 31, 32, 500, 999] {
            let mut d = data.clone();
            d[at] ^= 1;
            assert_ne!(checksum(&d), h, "byte {at}");
        }
        assert_ne!(checksum(&data[..999]), h);
    }
}
