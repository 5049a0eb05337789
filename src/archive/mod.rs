//! The archive: every minutes file under a folder, for browsing, searching
//! and following up past meetings — instant at 10,000 files.
//!
//! # Model
//!
//! An [`Archive`] has one [`Entry`] per `*.ron` file under its folder
//! (recursively, hidden files and folders skipped, as
//! [`crate::minutes_file::paths::minutes_files`]), sorted by path. An entry
//! is either a meeting ([`MeetingRow`]: what the table, filters and notice
//! countdowns need) or a broken/foreign file with its located diagnostics.
//! Topics, decisions, tasks and whole notices ([`Detail`]) are decoded on
//! demand. The minutes files stay the only source of truth.
//!
//! # Cache
//!
//! A derived, disposable cache lives in `CACHE/archive/<hash of the
//! canonical folder path>/`: a `manifest` and one *segment* per bucket of
//! files (files go to buckets by a hash of their relative path, ~256 files
//! each). A segment holds, per file, its stamp (mtime, size, inode, ctime),
//! row, detail and a positional character-pair text index (see
//! `segment`). Opening reads the rows and the index dictionaries; details
//! and posting lists are read from the files when a screen or a search
//! needs them. Every file is written atomically
//! ([`crate::minutes_file::write_atomic`]); the manifest is written last and
//! names the segments by generation, so a reader never sees a mix.
//!
//! Opening: [`Archive::open_cached`] loads the cache only (fast, maybe
//! stale); [`Archive::scan`] lists the folder with stamps;
//! [`Archive::refresh`] re-reads the buckets that changed (a file edited,
//! added, deleted or replaced) and saves them. [`Archive::open`] does all
//! three. A damaged, foreign or missing cache (or segment) is rebuilt, never
//! trusted.
//!
//! # Search
//!
//! [`Archive::search`] and the incremental [`Search`] match exactly like
//! [`crate::search::Query::matches_ron`] (substring of any string value,
//! ASCII case folded), from the index alone.

mod codec;
mod find;
pub mod generate;
mod overview;
mod record;
mod scan;
mod segment;
mod table;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

pub use codec::Corrupt;
pub use overview::{
    DecisionInForce, OpenTopic, OverdueTask, RunningNotice, ThreadSummary, TimelineEvent,
    TimelineWhat,
};
pub use record::{DecisionInfo, Detail, MeetingRow, RowBody, TopicInfo, TopicRow};
pub use table::{Column, Filter, Live, NoticeFilter, Order, Sort, Table, View};

use crate::diagnostic::Diagnostic;
use crate::minutes_file::{self, Loaded, write_atomic};
use codec::{Dec, Enc, fnv1a};
use scan::Found;
use segment::Segment;

const MANIFEST_MAGIC: &[u8; 8] = b"YISHIMAN";
const MANIFEST: &str = "manifest";

/// How to open an archive.
#[derive(Debug, Clone)]
pub struct Options {
    /// The cache folder (`paths::cache_dir()` by default, i.e.
    /// `$YISHI_CACHE_DIR` or the platform's); `None` keeps everything in
    /// memory and saves nothing.
    pub cache_dir: Option<PathBuf>,
    /// Threads for reading files when (re)building.
    pub threads: usize,
    /// Files per bucket aimed for: a change re-reads the files of its
    /// bucket. Smaller buckets make refreshes cheaper and searches a little
    /// slower (each bucket has its own dictionary).
    pub bucket_target: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            cache_dir: minutes_file::paths::cache_dir(),
            threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
            bucket_target: 256,
        }
    }
}

impl Options {
    pub fn with_cache_dir(dir: impl Into<PathBuf>) -> Self {
        Options {
            cache_dir: Some(dir.into()),
            ..Options::default()
        }
    }
}

/// One file of the archive.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The archive folder joined with the file's relative path.
    pub path: PathBuf,
    pub body: RowBody,
    /// The relative path as a sort key (`scan::path_key`).
    rel: Box<[u8]>,
    bucket: u32,
    doc: u32,
    stamp: i64,
    size: u64,
    has_text: bool,
}

impl Entry {
    /// Whether the file's text was read and indexed. A file that could not
    /// be read, or is not UTF-8, matches no search: callers may want to
    /// report it anyway.
    pub fn has_text(&self) -> bool {
        self.has_text
    }

    pub fn meeting(&self) -> Option<&MeetingRow> {
        match &self.body {
            RowBody::Meeting(m) => Some(m),
            RowBody::Broken(_) => None,
        }
    }

    /// Why the file is not (valid) minutes; empty for a meeting.
    pub fn problems(&self) -> &[Diagnostic] {
        match &self.body {
            RowBody::Meeting(_) => &[],
            RowBody::Broken(d) => d,
        }
    }

    pub fn is_broken(&self) -> bool {
        matches!(self.body, RowBody::Broken(_))
    }

    /// Size of the file in bytes when it was read.
    pub fn size(&self) -> u64 {
        self.size
    }
}

#[derive(Debug)]
struct Bucket {
    seg: Option<Segment>,
    /// Doc number → entry index.
    entries: Vec<u32>,
    /// Set when reading the segment found damage: rebuilt at next refresh.
    damaged: AtomicBool,
}

impl Bucket {
    fn empty() -> Self {
        Bucket {
            seg: None,
            entries: Vec::new(),
            damaged: AtomicBool::new(false),
        }
    }
}

/// Where the archive's data came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// Loaded from the cache, not yet checked against the folder.
    Cached,
    /// Checked against the folder by [`Archive::refresh`].
    Checked,
}

/// The folder as it is on disk now; see [`Archive::scan`].
#[derive(Debug, Clone)]
pub struct Scan {
    files: Vec<Found>,
}

impl Scan {
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// What a refresh changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Refresh {
    /// Files new to the archive or changed since the cache.
    pub changed: Vec<PathBuf>,
    /// Files gone from the folder.
    pub removed: Vec<PathBuf>,
    /// Files read: the changed files, and the unchanged files of the same
    /// buckets (whose text only is read again).
    pub files_read: usize,
    /// Files parsed (the changed ones, or all when the cache was missing).
    pub files_parsed: usize,
    /// Set when the cache could not be saved (the archive still works).
    pub cache_error: Option<String>,
}

impl Refresh {
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.removed.is_empty()
    }
}

/// A file of a bucket being rebuilt, as the old segment has it.
#[derive(Debug, Clone)]
struct OldDoc {
    key: Box<[u8]>,
    doc: u32,
    stamp: i64,
    size: u64,
}

static EPOCH: AtomicU64 = AtomicU64::new(1);

/// An index over every minutes file of a folder.
#[derive(Debug)]
pub struct Archive {
    root: PathBuf,
    canonical: PathBuf,
    cache: Option<PathBuf>,
    options: Options,
    buckets: Vec<Bucket>,
    entries: Vec<Entry>,
    epoch: u64,
    freshness: Freshness,
}

fn new_generation() -> u64 {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let n = EPOCH.fetch_add(1, Ordering::Relaxed);
    let mut e = Enc::new();
    e.var(t);
    e.var(u64::from(std::process::id()));
    e.var(n);
    fnv1a(&e.buf).max(1)
}

fn segment_name(bucket: usize, generation: u64) -> String {
    format!("seg-{bucket}-{generation:016x}")
}

fn bucket_of(rel: &[u8], buckets: usize) -> usize {
    (fnv1a(rel) % buckets.max(1) as u64) as usize
}

fn open_segment(path: &Path) -> Option<(Segment, Vec<u8>)> {
    let file = fs::File::open(path).ok()?;
    Segment::open_file(file).ok()
}

impl Archive {
    /// The cache folder of the archive at `canonical` under `cache_dir`.
    pub fn cache_folder(cache_dir: &Path, canonical: &Path) -> PathBuf {
        let key = fnv1a(&scan::rel_bytes(canonical));
        cache_dir.join("archive").join(format!("{key:016x}"))
    }

    /// Load, check against the folder and refresh: the archive as it is.
    pub fn open(root: &Path, options: Options) -> io::Result<(Archive, Refresh)> {
        // List the folder while the cache loads.
        let threads = options.threads;
        let (a, files) = std::thread::scope(|s| {
            let walk = s.spawn(|| scan::walk(root, threads));
            let a = Archive::open_cached(root, options);
            let files = walk
                .join()
                .unwrap_or_else(|_| Err(io::Error::other("listing the folder failed")));
            (a, files)
        });
        let mut a = a?;
        let scan = Scan { files: files? };
        let r = a.refresh(&scan);
        Ok((a, r))
    }

    /// The archive as the cache has it, without looking at the files (fast;
    /// maybe stale or empty). Fails only when `root` is not a folder.
    pub fn open_cached(root: &Path, options: Options) -> io::Result<Archive> {
        let canonical = fs::canonicalize(root)?;
        if !canonical.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::NotADirectory,
                format!("{} is not a folder", root.display()),
            ));
        }
        let cache = options
            .cache_dir
            .as_deref()
            .map(|d| Archive::cache_folder(d, &canonical));
        let mut a = Archive {
            root: root.to_path_buf(),
            canonical,
            cache,
            options,
            buckets: Vec::new(),
            entries: Vec::new(),
            epoch: EPOCH.fetch_add(1, Ordering::Relaxed),
            freshness: Freshness::Cached,
        };
        a.load_cache();
        Ok(a)
    }

    fn load_cache(&mut self) {
        let Some(dir) = &self.cache else { return };
        let Ok(bytes) = fs::read(dir.join(MANIFEST)) else {
            return;
        };
        let Ok(manifest) = decode_manifest(&bytes, &self.canonical) else {
            return;
        };
        // Open the segments and decode their rows, buckets shared among
        // threads.
        let threads = self.options.threads.clamp(1, 8);
        let next = AtomicU64::new(0);
        let this = &*self;
        let work = || {
            let mut mine: Vec<(usize, Segment, Vec<Entry>)> = Vec::new();
            loop {
                let b = next.fetch_add(1, Ordering::Relaxed) as usize;
                let Some((generation, len)) = manifest.get(b) else {
                    break;
                };
                if *generation != 0
                    && let Some((seg, rows)) = open_segment(&dir.join(segment_name(b, *generation)))
                    && seg.generation == *generation
                    && seg.len_bytes() == *len
                    && let Ok(entries) = this.decode_entries(&seg, &rows, b)
                {
                    mine.push((b, seg, entries));
                }
            }
            mine
        };
        let parts: Vec<Vec<(usize, Segment, Vec<Entry>)>> = if threads == 1 {
            vec![work()]
        } else {
            std::thread::scope(|s| {
                let handles: Vec<_> = (0..threads).map(|_| s.spawn(work)).collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or_default())
                    .collect()
            })
        };
        let mut buckets: Vec<Bucket> = (0..manifest.len()).map(|_| Bucket::empty()).collect();
        let total: usize = parts.iter().flatten().map(|(_, _, e)| e.len()).sum();
        let mut entries = Vec::with_capacity(total);
        for (b, seg, mine) in parts.into_iter().flatten() {
            buckets[b].seg = Some(seg);
            entries.extend(mine);
        }
        self.buckets = buckets;
        self.set_entries(entries);
    }

    fn decode_entries(
        &self,
        seg: &Segment,
        rows: &[u8],
        bucket: usize,
    ) -> codec::Result<Vec<Entry>> {
        let mut out = Vec::with_capacity(seg.ndocs as usize);
        for doc in 0..seg.ndocs {
            let rel = seg.rel(doc, rows)?;
            let meta = seg.meta(doc)?;
            let path = scan::join_key(&self.root, rel);
            let body = record::decode_row(seg.row(doc, rows)?, &path)?;
            out.push(Entry {
                path,
                body,
                rel: rel.into(),
                bucket: bucket as u32,
                doc,
                stamp: meta.mtime_ns,
                size: meta.size,
                has_text: meta.has_text,
            });
        }
        Ok(out)
    }

    fn set_entries(&mut self, mut entries: Vec<Entry>) {
        entries.sort_unstable_by(|a, b| a.rel.cmp(&b.rel));
        for b in &mut self.buckets {
            b.entries = vec![u32::MAX; b.seg.as_ref().map_or(0, |s| s.ndocs as usize)];
        }
        for (i, e) in entries.iter().enumerate() {
            if let Some(slot) = self
                .buckets
                .get_mut(e.bucket as usize)
                .and_then(|b| b.entries.get_mut(e.doc as usize))
            {
                *slot = i as u32;
            }
        }
        self.entries = entries;
    }

    /// The folder as given.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// This archive's folder in the cache, if it has one.
    pub fn cache_path(&self) -> Option<&Path> {
        self.cache.as_deref()
    }

    /// Every file, sorted by path. Indices into this slice are the entry
    /// numbers used by searches, views and overviews.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn entry(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i)
    }

    /// The entry number of a file.
    pub fn position(&self, path: &Path) -> Option<usize> {
        self.entries
            .binary_search_by(|e| e.path.as_path().cmp(path))
            .ok()
    }

    pub fn freshness(&self) -> Freshness {
        self.freshness
    }

    /// Changes whenever the entries do; results of [`Search`] and [`View`]
    /// are valid for one epoch.
    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// List the folder with the files' stamps (no file is read).
    pub fn scan(&self) -> io::Result<Scan> {
        Ok(Scan {
            files: scan::walk(&self.root, self.options.threads)?,
        })
    }

    /// Bring the archive in line with `scan`: re-read the buckets with a
    /// changed, added or deleted file (or a damaged or missing segment),
    /// save them and the manifest.
    pub fn refresh(&mut self, scan: &Scan) -> Refresh {
        self.refresh_with(scan, &mut |_, _| {})
    }

    /// [`Archive::refresh`], reporting `(files read, files to read)`.
    pub fn refresh_with(&mut self, scan: &Scan, progress: &mut dyn FnMut(usize, usize)) -> Refresh {
        let n = scan.files.len();
        let current = self.buckets.len();
        let desired = n.div_ceil(self.options.bucket_target.max(1)).max(1);
        let rebucket =
            current == 0 || desired > current * 2 || (current > 4 && desired * 4 < current);
        let nb = if rebucket { desired } else { current };

        let mut files_of: Vec<Vec<&Found>> = vec![Vec::new(); nb];
        let mut stale = vec![rebucket; nb];
        // Damage found by a search, or in the dictionaries (read here, so
        // a damaged index is noticed before anything searches it).
        for (s, bucket) in stale.iter_mut().zip(&self.buckets) {
            if bucket.damaged.load(Ordering::Relaxed)
                || bucket
                    .seg
                    .as_ref()
                    .is_some_and(|seg| seg.load_dicts().is_err())
            {
                *s = true;
            }
        }
        // Walk the folder's files and the entries together: both are in
        // path order.
        let mut report = Refresh::default();
        let mut old = self.entries.iter().peekable();
        for f in &scan.files {
            let b = bucket_of(&f.rel, nb);
            files_of[b].push(f);
            while let Some(e) = old.next_if(|e| &*e.rel < f.rel.as_slice()) {
                report.removed.push(e.path.clone());
                stale[e.bucket as usize % nb] = true;
            }
            let same = match old.next_if(|e| *e.rel == *f.rel) {
                Some(e) => {
                    (e.stamp, e.size) == (f.stamp, f.size)
                        && !scan::unknown_stamp(f.stamp, f.size)
                        && e.bucket as usize == b
                }
                None => false,
            };
            if !same {
                report.changed.push(f.path.clone());
                stale[b] = true;
            }
        }
        for e in old {
            report.removed.push(e.path.clone());
            stale[e.bucket as usize % nb] = true;
        }
        // A bucket whose segment is missing or damaged (its files were not
        // loaded: they show as changed above) is rebuilt too.
        for b in 0..nb {
            if !rebucket && self.buckets[b].seg.is_none() && !files_of[b].is_empty() {
                stale[b] = true;
            }
        }
        if !stale.iter().any(|s| *s) {
            self.freshness = Freshness::Checked;
            return report;
        }

        let to_read: usize = (0..nb)
            .filter(|b| stale[*b])
            .map(|b| files_of[b].len())
            .sum();
        report.files_read = to_read;
        let mut done = 0;
        progress(0, to_read);

        let mut cache_ok = self.cache.is_some();
        if let Some(dir) = &self.cache
            && let Err(e) = fs::create_dir_all(dir)
        {
            report.cache_error = Some(format!("{}: {e}", dir.display()));
            cache_ok = false;
        }
        let mut old_buckets = std::mem::take(&mut self.buckets);
        // What an unchanged file of a stale bucket keeps from its old
        // segment: key → (doc, stamp, size).
        let mut reusable: Vec<Vec<OldDoc>> = vec![Vec::new(); nb];
        if !rebucket {
            for e in &self.entries {
                if stale[e.bucket as usize] {
                    reusable[e.bucket as usize].push(OldDoc {
                        key: e.rel.clone(),
                        doc: e.doc,
                        stamp: e.stamp,
                        size: e.size,
                    });
                }
            }
        }
        let mut kept: Vec<Entry> = Vec::new();
        if !rebucket {
            kept = std::mem::take(&mut self.entries)
                .into_iter()
                .filter(|e| !stale[e.bucket as usize])
                .collect();
        }
        let mut new_buckets: Vec<Bucket> = Vec::with_capacity(nb);
        let mut fresh_entries = Vec::new();
        for b in 0..nb {
            if !stale[b] {
                let old = std::mem::replace(&mut old_buckets[b], Bucket::empty());
                new_buckets.push(old);
                continue;
            }
            let mut bucket = Bucket::empty();
            if !files_of[b].is_empty() {
                let old_seg = old_buckets.get(b).and_then(|o| o.seg.as_ref());
                let old_rows = old_seg.and_then(|s| s.read_rows().ok());
                let mut old = reusable[b].iter().peekable();
                let jobs: Vec<scan::Job<'_>> = files_of[b]
                    .iter()
                    .map(|f| {
                        while old.next_if(|o| *o.key < *f.rel).is_some() {}
                        let reuse = match (old.peek(), old_seg, &old_rows) {
                            (Some(o), Some(seg), Some(rows))
                                if *o.key == *f.rel
                                    && (o.stamp, o.size) == (f.stamp, f.size)
                                    && !scan::unknown_stamp(f.stamp, f.size) =>
                            {
                                let row = seg.row(o.doc, rows).map(<[u8]>::to_vec);
                                row.and_then(|r| seg.detail(o.doc).map(|d| (r, d))).ok()
                            }
                            _ => None,
                        };
                        scan::Job { found: f, reuse }
                    })
                    .collect();
                report.files_parsed += jobs.iter().filter(|j| j.reuse.is_none()).count();
                let docs = scan::read_docs(&jobs, self.options.threads);
                drop(jobs);
                done += docs.len();
                progress(done, to_read);
                let generation = new_generation();
                match segment::build(&docs, generation) {
                    Ok(bytes) => {
                        drop(docs);
                        let mut opened = None;
                        if cache_ok && let Some(dir) = &self.cache {
                            let path = dir.join(segment_name(b, generation));
                            match write_atomic(&path, &bytes) {
                                Ok(()) => opened = open_segment(&path),
                                Err(d) => {
                                    report.cache_error = Some(d.render(crate::i18n::Lang::En));
                                    cache_ok = false;
                                }
                            }
                        }
                        let opened = match opened {
                            Some(o) => Some(o),
                            None => Segment::open_bytes(bytes).ok(),
                        };
                        if let Some((seg, rows)) = opened {
                            match self.decode_entries(&seg, &rows, b) {
                                Ok(mine) => {
                                    fresh_entries.extend(mine);
                                    bucket.seg = Some(seg);
                                }
                                Err(_) => {
                                    report.cache_error =
                                        Some("a freshly built segment does not read back".into())
                                }
                            }
                        }
                    }
                    Err(e) => report.cache_error = Some(e.to_string()),
                }
            }
            new_buckets.push(bucket);
        }
        self.buckets = new_buckets;
        kept.extend(fresh_entries);
        self.set_entries(kept);
        self.epoch = EPOCH.fetch_add(1, Ordering::Relaxed);
        self.freshness = Freshness::Checked;

        if cache_ok && let Err(e) = self.save_manifest() {
            report.cache_error = Some(e.render(crate::i18n::Lang::En));
        }
        report
    }

    fn save_manifest(&self) -> Result<(), Diagnostic> {
        let Some(dir) = &self.cache else {
            return Ok(());
        };
        let mut e = Enc::new();
        e.buf.extend_from_slice(MANIFEST_MAGIC);
        e.fixed_u32(segment::VERSION);
        e.usize(scan::rel_bytes(&self.canonical).len());
        e.buf.extend_from_slice(&scan::rel_bytes(&self.canonical));
        e.usize(self.buckets.len());
        let mut keep = std::collections::HashSet::new();
        for (b, bucket) in self.buckets.iter().enumerate() {
            match &bucket.seg {
                Some(s) => {
                    e.var(s.generation);
                    e.var(s.len_bytes());
                    keep.insert(segment_name(b, s.generation));
                }
                None => {
                    e.var(0);
                    e.var(0);
                }
            }
        }
        let sum = codec::checksum(&e.buf);
        e.fixed_u64(sum);
        write_atomic(&dir.join(MANIFEST), &e.buf)?;
        // Segments no longer named by the manifest.
        if let Ok(list) = fs::read_dir(dir) {
            for f in list.flatten() {
                let name = f.file_name().to_string_lossy().into_owned();
                if name.starts_with("seg-") && !keep.contains(&name) {
                    let _ = fs::remove_file(f.path());
                }
            }
        }
        Ok(())
    }

    /// Read one meeting for viewing (the file itself, not the cache).
    pub fn load(&self, entry: usize) -> Result<Loaded, Vec<Diagnostic>> {
        match self.entries.get(entry) {
            Some(e) => minutes_file::read(&e.path),
            None => Err(Vec::new()),
        }
    }

    /// Topics, decisions, tasks and whole notices of a meeting. Read from
    /// the cache; from the file if the cache is damaged.
    pub fn detail(&self, entry: usize) -> Option<Detail> {
        let e = self.entries.get(entry)?;
        e.meeting()?;
        let bucket = self.buckets.get(e.bucket as usize)?;
        if let Some(seg) = &bucket.seg
            && let Ok(d) = seg.detail(e.doc).and_then(|b| record::decode_detail(&b))
        {
            return Some(d);
        }
        bucket.damaged.store(true, Ordering::Relaxed);
        let loaded = minutes_file::read(&e.path).ok()?;
        let (_, detail) = record::encode_meeting(&loaded.minutes, loaded.read_only);
        record::decode_detail(&detail).ok()
    }

    /// The entries whose text contains `text` (as
    /// [`crate::search::Query::matches_ron`]), in entry order.
    pub fn search(&self, text: &str) -> Vec<u32> {
        self.search_within(&find::query_chars(text), None)
    }

    fn search_within(&self, query: &[u32], only: Option<&[u32]>) -> Vec<u32> {
        let mut per_bucket: Option<Vec<Vec<u32>>> = only.map(|o| {
            let mut v = vec![Vec::new(); self.buckets.len()];
            for &i in o {
                if let Some(e) = self.entries.get(i as usize) {
                    v[e.bucket as usize].push(e.doc);
                }
            }
            for docs in &mut v {
                docs.sort_unstable();
            }
            v
        });
        let mut out = Vec::new();
        let mut docs = Vec::new();
        let mut scratch = find::Scratch::default();
        for (b, bucket) in self.buckets.iter().enumerate() {
            let Some(seg) = &bucket.seg else { continue };
            let only_docs = per_bucket.as_mut().map(|v| std::mem::take(&mut v[b]));
            if only_docs.as_ref().is_some_and(Vec::is_empty) {
                continue;
            }
            docs.clear();
            match find::search_segment(seg, query, only_docs.as_deref(), &mut docs, &mut scratch) {
                Ok(()) => out.extend(
                    docs.iter()
                        .filter_map(|d| bucket.entries.get(*d as usize))
                        .filter(|i| **i != u32::MAX),
                ),
                Err(Corrupt) => {
                    // Damaged index: answer from the files, rebuild later.
                    bucket.damaged.store(true, Ordering::Relaxed);
                    let text: String = query.iter().filter_map(|c| char::from_u32(*c)).collect();
                    let q = crate::search::Query::new(&text);
                    for (doc, &i) in bucket.entries.iter().enumerate() {
                        if i == u32::MAX
                            || only_docs
                                .as_ref()
                                .is_some_and(|o| o.binary_search(&(doc as u32)).is_err())
                        {
                            continue;
                        }
                        if let Ok(src) = fs::read_to_string(&self.entries[i as usize].path)
                            && q.matches_ron(&src)
                        {
                            out.push(i);
                        }
                    }
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// Read the search index's dictionaries now (otherwise read by the
    /// first search, or by [`Archive::refresh`]): a screen can show the
    /// table first and call this before the first keystroke.
    pub fn load_index(&self) {
        for b in &self.buckets {
            if let Some(seg) = &b.seg
                && seg.load_dicts().is_err()
            {
                b.damaged.store(true, Ordering::Relaxed);
            }
        }
    }

    /// Whether some part of the cache was found damaged since the last
    /// refresh (the next refresh rebuilds it).
    pub fn is_damaged(&self) -> bool {
        self.buckets
            .iter()
            .any(|b| b.damaged.load(Ordering::Relaxed))
    }

    /// Size in bytes of the cache's segments.
    pub fn index_bytes(&self) -> u64 {
        self.buckets
            .iter()
            .filter_map(|b| b.seg.as_ref())
            .map(Segment::len_bytes)
            .sum()
    }

    /// Bytes of the index held in memory (docs tables and dictionaries;
    /// the rest is read from the cache files when used).
    pub fn index_resident_bytes(&self) -> usize {
        self.buckets
            .iter()
            .filter_map(|b| b.seg.as_ref())
            .map(Segment::resident_bytes)
            .sum()
    }
}

fn decode_manifest(bytes: &[u8], canonical: &Path) -> codec::Result<Vec<(u64, u64)>> {
    if bytes.len() < 8 + 4 + 8 || &bytes[..8] != MANIFEST_MAGIC {
        return Err(Corrupt);
    }
    let (body, sum) = bytes.split_at(bytes.len() - 8);
    if codec::checksum(body) != codec::le_u64(sum, 0)? {
        return Err(Corrupt);
    }
    let mut d = Dec::new(&body[8..]);
    if d.fixed_u32()? != segment::VERSION {
        return Err(Corrupt);
    }
    let n = d.len()?;
    if d.bytes(n)? != scan::rel_bytes(canonical).as_slice() {
        return Err(Corrupt);
    }
    let n = d.len()?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push((d.var()?, d.var()?));
    }
    if !d.is_done() {
        return Err(Corrupt);
    }
    Ok(out)
}

/// Incremental search: keeps the results of the prefixes typed so far, so a
/// growing query only checks the previous hits and a shrinking one is
/// answered from memory.
#[derive(Debug, Default, Clone)]
pub struct Search {
    epoch: u64,
    steps: Vec<(String, Vec<u32>)>,
}

impl Search {
    pub fn new() -> Self {
        Search::default()
    }

    /// The entries containing `text`, in entry order.
    pub fn update(&mut self, archive: &Archive, text: &str) -> &[u32] {
        if self.epoch != archive.epoch {
            self.steps.clear();
            self.epoch = archive.epoch;
        }
        let folded = text.to_ascii_lowercase();
        while let Some((q, _)) = self.steps.last() {
            if folded.starts_with(q.as_str()) {
                break;
            }
            self.steps.pop();
        }
        let hit = matches!(self.steps.last(), Some((q, _)) if *q == folded);
        if !hit {
            let only = self.steps.last().map(|(_, r)| r.as_slice());
            let r = archive.search_within(&find::query_chars(&folded), only);
            self.steps.push((folded, r));
        }
        self.steps.last().map_or(&[], |(_, r)| r.as_slice())
    }

    pub fn clear(&mut self) {
        self.steps.clear();
    }
}
