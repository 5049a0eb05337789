//! Text search over the segments' positional pair index, with the matching
//! of [`crate::search::Query`]: substrings of any string value, ASCII case
//! folded.

use std::ops::Range;

use super::codec::{Corrupt, Result};
use super::segment::{DocCursor, Extent, Segment, read_var};

/// Reusable buffers, so a search allocates little.
#[derive(Default)]
pub struct Scratch {
    pool: Vec<Vec<u8>>,
}

impl Scratch {
    fn take(&mut self) -> Vec<u8> {
        self.pool.pop().unwrap_or_default()
    }

    fn give(&mut self, mut v: Vec<u8>) {
        v.clear();
        self.pool.push(v);
    }
}

/// One pair of the query in one segment.
struct Term {
    offset: u32,
    docs: Vec<u8>,
    cursor: DocCursor,
    current: Option<(u32, Range<usize>)>,
    positions_at: Extent,
    /// The pair's position blocks, read when first needed.
    positions: Option<Vec<u8>>,
}

impl Term {
    fn advance(&mut self) -> Result<()> {
        self.current = self.cursor.next(&self.docs, true)?;
        Ok(())
    }

    /// Advance to the first doc ≥ `doc`.
    fn seek(&mut self, doc: u32) -> Result<()> {
        while let Some((d, _)) = self.current {
            if d >= doc {
                break;
            }
            self.advance()?;
        }
        Ok(())
    }
}

/// The docs of `seg` whose text contains `query` (chars, already folded),
/// in increasing order, appended to `out`. With `only`, just the docs in
/// that sorted list are considered.
pub fn search_segment(
    seg: &Segment,
    query: &[u32],
    only: Option<&[u32]>,
    out: &mut Vec<u32>,
    scratch: &mut Scratch,
) -> Result<()> {
    let keep = |doc: u32| only.is_none_or(|o| o.binary_search(&doc).is_ok());
    match query.len() {
        0 => {
            match only {
                Some(o) => out.extend(o.iter().copied().filter(|d| *d < seg.ndocs)),
                None => out.extend(0..seg.ndocs),
            }
            return Ok(());
        }
        1 => {
            if let Some(e) = seg.unigram(query[0])? {
                let mut list = scratch.take();
                let r = seg.read(e, &mut list).and_then(|()| {
                    let mut c = DocCursor::default();
                    while let Some((doc, _)) = c.next(&list, false)? {
                        if keep(doc) {
                            out.push(doc);
                        }
                    }
                    Ok(())
                });
                scratch.give(list);
                r?;
            }
            return Ok(());
        }
        _ => {}
    }
    // Every pair of the query narrows the docs (doc lists are small); the
    // pairs at offsets 0, 2, 4… and the last one cover every char, so
    // their positions decide the match.
    let last = query.len() - 2;
    let mut extents = Vec::with_capacity(last + 1);
    for i in 0..=last {
        match seg.pair(query[i], query[i + 1])? {
            Some(e) => extents.push((i as u32, e)),
            None => return Ok(()),
        }
    }
    let mut terms: Vec<Term> = Vec::with_capacity(extents.len());
    let mut result = Ok(());
    for (offset, e) in extents {
        let mut docs = scratch.take();
        if let Err(err) = seg.read(e.docs, &mut docs) {
            result = Err(err);
            scratch.give(docs);
            break;
        }
        terms.push(Term {
            offset,
            docs,
            cursor: DocCursor::default(),
            current: None,
            positions_at: e.positions,
            positions: None,
        });
    }
    if result.is_ok() {
        result = intersect(seg, &mut terms, query.len(), last, &keep, out, scratch);
    }
    for t in terms {
        scratch.give(t.docs);
        if let Some(p) = t.positions {
            scratch.give(p);
        }
    }
    result
}

fn intersect(
    seg: &Segment,
    terms: &mut [Term],
    qlen: usize,
    last: usize,
    keep: &dyn Fn(u32) -> bool,
    out: &mut Vec<u32>,
    scratch: &mut Scratch,
) -> Result<()> {
    for t in terms.iter_mut() {
        t.advance()?;
    }
    // Drive by the shortest doc list.
    terms.sort_by_key(|t| t.docs.len());
    let cover: Vec<usize> = (0..terms.len())
        .filter(|&t| terms[t].offset.is_multiple_of(2) || terms[t].offset as usize == last)
        .collect();
    'docs: while let Some((doc, _)) = terms[0].current {
        let mut target = doc;
        // The next doc present in every list.
        loop {
            let mut agreed = true;
            for t in terms.iter_mut() {
                t.seek(target)?;
                match t.current {
                    None => break 'docs,
                    Some((d, _)) if d > target => {
                        target = d;
                        agreed = false;
                    }
                    Some(_) => {}
                }
            }
            if agreed {
                break;
            }
        }
        if keep(target) && (qlen == 2 || phrase(seg, terms, &cover, scratch)?) {
            out.push(target);
        }
        terms[0].advance()?;
    }
    Ok(())
}

/// Positions of one doc, decoded as far as needed.
struct Positions<'a> {
    block: &'a [u8],
    at: usize,
    next: u64,
    current: Option<u32>,
}

impl<'a> Positions<'a> {
    fn new(block: &'a [u8]) -> Result<Self> {
        let mut p = Positions {
            block,
            at: 0,
            next: 0,
            current: None,
        };
        p.advance()?;
        Ok(p)
    }

    fn advance(&mut self) -> Result<()> {
        self.current = if self.at < self.block.len() {
            let v = self.next + read_var(self.block, &mut self.at)?;
            self.next = v + 1;
            Some(u32::try_from(v).map_err(|_| Corrupt)?)
        } else {
            None
        };
        Ok(())
    }

    /// The first position ≥ `want`.
    fn seek(&mut self, want: u32) -> Result<Option<u32>> {
        while let Some(c) = self.current {
            if c >= want {
                break;
            }
            self.advance()?;
        }
        Ok(self.current)
    }
}

/// Whether the current doc of the cover terms has a common start. Position
/// blocks are read when first needed and decoded only up to a match.
fn phrase(
    seg: &Segment,
    terms: &mut [Term],
    cover: &[usize],
    scratch: &mut Scratch,
) -> Result<bool> {
    for &t in cover {
        if terms[t].positions.is_none() {
            let mut buf = scratch.take();
            seg.read(terms[t].positions_at, &mut buf)?;
            terms[t].positions = Some(buf);
        }
    }
    let block = |t: usize| -> Result<&[u8]> {
        let term = &terms[t];
        let range = term.current.as_ref().map_or(0..0, |c| c.1.clone());
        term.positions
            .as_deref()
            .and_then(|p| p.get(range))
            .ok_or(Corrupt)
    };
    // The shortest block (fewest positions, roughly) drives.
    let mut driver = cover[0];
    for &t in cover {
        if block(t)?.len() < block(driver)?.len() {
            driver = t;
        }
    }
    let o0 = terms[driver].offset;
    let mut others: Vec<(u32, Positions<'_>)> = Vec::with_capacity(cover.len());
    for &t in cover {
        if t != driver {
            others.push((terms[t].offset, Positions::new(block(t)?)?));
        }
    }
    let mut starts = Positions::new(block(driver)?)?;
    'starts: while let Some(p) = starts.current {
        starts.advance()?;
        let Some(start) = p.checked_sub(o0) else {
            continue;
        };
        for (offset, list) in others.iter_mut() {
            let Some(want) = start.checked_add(*offset) else {
                continue 'starts;
            };
            match list.seek(want)? {
                Some(v) if v == want => {}
                Some(_) => continue 'starts,
                None => return Ok(false),
            }
        }
        return Ok(true);
    }
    Ok(false)
}

/// A query as the index sees it: chars after ASCII folding.
pub fn query_chars(text: &str) -> Vec<u32> {
    text.to_ascii_lowercase().chars().map(u32::from).collect()
}
