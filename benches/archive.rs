//! The archive's figures (issue 4), on a generated 10,000-file archive:
//!
//! - cold build (no cache) and start from the cache (table data ready);
//! - each search keystroke (growing and shrinking; Chinese and ASCII;
//!   rare and common terms);
//! - `yishi list DIR --search TEXT` against `rg -l TEXT DIR`;
//! - opening one meeting;
//! - refresh after one file changed;
//! - peak memory (VmHWM) of a session and of a cold build, each in its own
//!   process.
//!
//! `cargo bench --bench archive`. Environment: `YISHI_BENCH_DIR` (default
//! `target/bench-archive`, generated if missing), `YISHI_BENCH_FILES`
//! (default 10000). The cache goes to `target/bench-cache`. Prints figures;
//! asserts nothing.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use yishi::archive::generate::{GenConfig, generate};
use yishi::archive::{Archive, Column, Filter, Options, Order, Search, Sort, View};
use yishi::domain::Timestamp;
use yishi::domain::notice::RestDays;

const TODAY_FILE: &str = ".bench-today";

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn stats(mut v: Vec<Duration>) -> (Duration, Duration, Duration, Duration) {
    v.sort();
    let n = v.len().max(1);
    let get = |q: f64| {
        v.get(((n - 1) as f64 * q).round() as usize)
            .copied()
            .unwrap_or_default()
    };
    (get(0.0), get(0.5), get(0.95), get(1.0))
}

fn line(what: &str, v: Vec<Duration>) {
    let n = v.len();
    let (min, med, p95, max) = stats(v);
    println!(
        "{what:<44} median {:>10}  p95 {:>10}  max {:>10}  min {:>10}  (n={n})",
        ms(med),
        ms(p95),
        ms(max),
        ms(min)
    );
}

fn vm_hwm_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

/// CPU time of this thread so far (scheduler accounting).
fn thread_cpu() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map_or(Duration::ZERO, Duration::from_nanos)
}

/// CPU time (user + system) of the waited-for children so far.
fn children_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name: cutime and cstime are the 14th and
    // 15th (clock ticks, 100 a second).
    let after = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<u64> = after
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0))
        .collect();
    let ticks = f.get(13).copied().unwrap_or(0) + f.get(14).copied().unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

fn noon(today: chrono::NaiveDate) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339(&format!("{today}T12:00:00+08:00")).unwrap()
}

fn options(cache: &Path) -> Options {
    Options::with_cache_dir(cache)
}

/// What a secretary does in one session: open the table, sort, search,
/// look at the overviews, open meetings.
fn session(dir: &Path, cache: &Path, today: chrono::NaiveDate) {
    let (a, _) = Archive::open(dir, options(cache)).unwrap();
    let now = noon(today);
    let rest = RestDays::weekends();
    let table = a.table(now, &rest);
    let view = View::new(&a, &table, Sort::default());
    let _ = view.rows(&a, &table, &Filter::default(), None);
    for column in Column::ALL {
        let v = View::new(
            &a,
            &table,
            Sort {
                column,
                order: Order::Asc,
            },
        );
        let _ = v.rows(&a, &table, &Filter::default(), None);
    }
    let mut search = Search::new();
    for term in TERMS {
        let chars: Vec<char> = term.chars().collect();
        for n in (1..=chars.len()).chain((1..chars.len()).rev()) {
            let q: String = chars[..n].iter().collect();
            let hits = search.update(&a, &q).to_vec();
            let _ = view.rows(&a, &table, &Filter::default(), Some(&hits));
        }
    }
    let _ = a.notices_running(now, &rest);
    let _ = a.decisions_in_force(now, &rest);
    let _ = a.overdue_tasks(today);
    let _ = a.open_topics();
    let _ = a.timeline("北苑居/物业", now, &rest);
    for i in (0..a.entries().len()).step_by(97) {
        let _ = a.load(i);
    }
}

const TERMS: &[&str] = &[
    "北苑居小区",
    "社区居委会",
    "保洁员",
    "邻里积分兑换站",
    "LED屏",
    "WiFi信号",
    "2016-03-15",
];

fn child(mode: &str, dir: &Path, cache: &Path, today: chrono::NaiveDate) {
    match mode {
        "open" => {
            // Table data available: the cache loaded, the time-dependent
            // columns computed and the default sort done.
            let t = Instant::now();
            let a = Archive::open_cached(dir, options(cache)).unwrap();
            let table = a.table(noon(today), &RestDays::weekends());
            let view = View::new(&a, &table, Sort::default());
            let rows = view.rows(&a, &table, &Filter::default(), None);
            let ready = t.elapsed();
            let mut a = a;
            let t = Instant::now();
            let scan = a.scan().unwrap();
            let r = a.refresh(&scan);
            let checked = t.elapsed();
            println!(
                "{} {} {} {}",
                ready.as_nanos(),
                checked.as_nanos(),
                rows.len(),
                r.files_read
            );
        }
        "open1" => {
            // The same on one thread, in CPU time: what the start costs
            // whatever else runs on the machine.
            let c = thread_cpu();
            let options = Options {
                threads: 1,
                ..options(cache)
            };
            let a = Archive::open_cached(dir, options).unwrap();
            let table = a.table(noon(today), &RestDays::weekends());
            let view = View::new(&a, &table, Sort::default());
            let _ = view.rows(&a, &table, &Filter::default(), None);
            let ready = thread_cpu() - c;
            let mut a = a;
            let c = thread_cpu();
            let scan = a.scan().unwrap();
            let _ = a.refresh(&scan);
            let checked = thread_cpu() - c;
            println!("{} {}", ready.as_nanos(), checked.as_nanos());
        }
        "session" => {
            session(dir, cache, today);
            println!("{}", vm_hwm_kb());
        }
        "cold" => {
            let t = Instant::now();
            let (a, r) = Archive::open(dir, options(cache)).unwrap();
            let took = t.elapsed();
            let hwm = vm_hwm_kb();
            println!(
                "{} {} {} {} {}",
                took.as_nanos(),
                hwm,
                r.files_read,
                a.index_bytes(),
                a.index_resident_bytes()
            );
        }
        other => panic!("unknown child mode {other}"),
    }
}

fn run_child(mode: &str, dir: &Path, cache: &Path, today: chrono::NaiveDate) -> Vec<u128> {
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["--child", mode])
        .arg(dir)
        .arg(cache)
        .arg(today.to_string())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect()
}

/// `yishi archive DIR` in a pseudo-terminal: the time from spawning the
/// process until the table's first frame (the file count and the row
/// counter) has arrived on the terminal.
fn first_frame(yishi: &str, dir: &Path, cache: &Path, count: usize) {
    let n = yishi::i18n::group_thousands(count as u64);
    let counter = format!("{n} / {n} 个");
    let mut took = Vec::new();
    for _ in 0..15 {
        let mut cmd = Command::new(yishi);
        cmd.arg("archive")
            .arg(dir)
            .env("TERM", "xterm-256color")
            .env("YISHI_CACHE_DIR", cache);
        let t = Instant::now();
        let mut session = expectrl::Session::spawn(cmd).expect("spawn yishi in a pty");
        session.get_process_mut().set_window_size(120, 35).unwrap();
        let mut parser = vt100::Parser::new(35.try_into().unwrap(), 120.try_into().unwrap(), 0);
        let mut buf = [0u8; 1 << 16];
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            match session.try_read(&mut buf) {
                Ok(n) if n > 0 => {
                    parser.process(&buf[..n]);
                    if parser.screen().contents().contains(&counter) {
                        break;
                    }
                }
                _ => std::thread::sleep(Duration::from_micros(200)),
            }
            assert!(Instant::now() < deadline, "no table after 20 s");
        }
        took.push(t.elapsed());
        // Let the check of the folder finish, then quit.
        let pid = session.get_process().pid().as_raw().to_string();
        std::thread::sleep(Duration::from_millis(300));
        let _ = Command::new("kill").args(["-9", &pid]).status();
        while session.get_process().is_alive().unwrap_or(false) {
            let _ = session.try_read(&mut buf);
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    line("first frame of `yishi archive` in a terminal", took);
}

fn time_command(cmd: &mut Command) -> Duration {
    let t = Instant::now();
    let out = cmd.output().unwrap();
    let took = t.elapsed();
    assert!(out.status.success() || out.status.code() == Some(1));
    took
}

fn machine() {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "machine: {cores} cores, {cpu}; load average {}",
        load.trim()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        let today = chrono::NaiveDate::parse_from_str(&args[i + 4], "%Y-%m-%d").unwrap();
        child(
            &args[i + 1],
            Path::new(&args[i + 2]),
            Path::new(&args[i + 3]),
            today,
        );
        return;
    }
    if !args.iter().any(|a| a == "--bench") {
        println!("archive bench: run with `cargo bench --bench archive`");
        return;
    }
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    let files: usize = std::env::var("YISHI_BENCH_FILES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let dir = std::env::var_os("YISHI_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| target.join(format!("bench-archive-{files}")));
    let cache = target.join("bench-cache");
    let today = match std::fs::read_to_string(dir.join(TODAY_FILE)) {
        Ok(s) => chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").unwrap(),
        Err(_) => {
            let today = chrono::Local::now().date_naive();
            let t = Instant::now();
            let g = generate(&dir, &GenConfig::new(files, 1, today)).unwrap();
            std::fs::write(dir.join(TODAY_FILE), today.to_string()).unwrap();
            println!(
                "generated {} files in {} in {:.1} s",
                g.files.len(),
                dir.display(),
                t.elapsed().as_secs_f64()
            );
            today
        }
    };
    let count = yishi::minutes_file::paths::minutes_files(&dir)
        .unwrap()
        .len();
    let bytes: u64 = yishi::minutes_file::paths::minutes_files(&dir)
        .unwrap()
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    machine();
    println!(
        "archive: {count} files, {:.1} MB, in {} (reference day {today})",
        bytes as f64 / 1e6,
        dir.display()
    );
    // Warm the page cache.
    let _ = Command::new("rg").args(["-l", "x"]).arg(&dir).output();

    // Cold build.
    let _ = std::fs::remove_dir_all(&cache);
    let cold = run_child("cold", &dir, &cache, today);
    println!(
        "cold build (no cache): {} for {} files; index {:.1} MB on disk, {:.1} MB in memory; peak RSS {:.1} MB",
        ms(Duration::from_nanos(cold[0] as u64)),
        cold[2],
        cold[3] as f64 / 1e6,
        cold[4] as f64 / 1e6,
        cold[1] as f64 / 1024.0
    );

    // Start from the cache: table data available, then validated.
    let mut ready = Vec::new();
    let mut checked = Vec::new();
    for _ in 0..15 {
        let r = run_child("open", &dir, &cache, today);
        assert_eq!(r[3], 0, "the cache is fresh");
        ready.push(Duration::from_nanos(r[0] as u64));
        checked.push(Duration::from_nanos(r[1] as u64));
    }
    line("start: table data from the cache", ready);
    line("start: folder scanned, cache validated", checked);
    let mut ready = Vec::new();
    let mut checked = Vec::new();
    for _ in 0..15 {
        let r = run_child("open1", &dir, &cache, today);
        ready.push(Duration::from_nanos(r[0] as u64));
        checked.push(Duration::from_nanos(r[1] as u64));
    }
    line("start, 1 thread, CPU time: table data", ready);
    line("start, 1 thread, CPU time: scan + validate", checked);

    // Search keystrokes.
    let (a, _) = Archive::open(&dir, options(&cache)).unwrap();
    let now = noon(today);
    let rest = RestDays::weekends();
    let table = a.table(now, &rest);
    let view = View::new(&a, &table, Sort::default());
    let mut all = Vec::new();
    for term in TERMS {
        let chars: Vec<char> = term.chars().collect();
        let mut grow = Vec::new();
        let mut shrink = Vec::new();
        let mut hits_at_full = 0;
        for _ in 0..5 {
            let mut search = Search::new();
            for n in 1..=chars.len() {
                let q: String = chars[..n].iter().collect();
                let t = Instant::now();
                let hits = search.update(&a, &q);
                let rows = view.rows(&a, &table, &Filter::default(), Some(hits));
                grow.push(t.elapsed());
                if n == chars.len() {
                    hits_at_full = rows.len();
                }
            }
            for n in (1..chars.len()).rev() {
                let q: String = chars[..n].iter().collect();
                let t = Instant::now();
                let hits = search.update(&a, &q);
                let _ = view.rows(&a, &table, &Filter::default(), Some(hits));
                shrink.push(t.elapsed());
            }
            // A fresh search for the whole term at once (a pasted query).
        }
        let mut pasted = Vec::new();
        for _ in 0..5 {
            let t = Instant::now();
            let hits = a.search(term);
            let _ = view.rows(&a, &table, &Filter::default(), Some(&hits));
            pasted.push(t.elapsed());
        }
        all.extend(grow.iter().copied());
        all.extend(shrink.iter().copied());
        line(
            &format!("keystroke growing \"{term}\" ({hits_at_full} hits)"),
            grow,
        );
        line(&format!("keystroke shrinking \"{term}\""), shrink);
        line(&format!("whole query at once \"{term}\""), pasted);
    }
    line("every keystroke", all);

    // Opening one meeting.
    let mut open = Vec::new();
    for i in (0..a.entries().len()).step_by(a.entries().len().max(200) / 200) {
        if a.entries()[i].is_broken() {
            continue;
        }
        let t = Instant::now();
        let m = a.load(i);
        open.push(t.elapsed());
        assert!(m.is_ok());
    }
    line("open one meeting (read + parse the file)", open);

    // Overviews.
    let overview = |what: &str, f: &mut dyn FnMut()| {
        let mut v = Vec::new();
        for _ in 0..5 {
            let t = Instant::now();
            f();
            v.push(t.elapsed());
        }
        line(what, v);
    };
    overview("overview: notices running now", &mut || {
        let _ = a.notices_running(now, &rest);
    });
    overview("overview: decisions in force", &mut || {
        let _ = a.decisions_in_force(now, &rest);
    });
    overview("overview: overdue tasks", &mut || {
        let _ = a.overdue_tasks(today);
    });
    overview("overview: open topics", &mut || {
        let _ = a.open_topics();
    });
    overview("overview: timeline of 北苑居/物业", &mut || {
        let _ = a.timeline("北苑居/物业", now, &rest);
    });
    drop(a);

    // yishi list --search against rg -l.
    let yishi = env!("CARGO_BIN_EXE_yishi");
    first_frame(yishi, &dir, &cache, count);
    for term in ["北苑居", "保洁员", "LED屏"] {
        let mut list = Command::new(yishi);
        list.args(["list"])
            .arg(&dir)
            .args(["--search", term])
            .env("YISHI_CACHE_DIR", &cache);
        let mut rg = Command::new("rg");
        rg.args(["-l", term]).arg(&dir);
        for _ in 0..2 {
            time_command(&mut list);
            time_command(&mut rg);
        }
        let mut tl = Vec::new();
        let mut tr = Vec::new();
        let (mut cl, mut cr) = (Duration::ZERO, Duration::ZERO);
        for _ in 0..15 {
            let c = children_cpu();
            tl.push(time_command(&mut list));
            cl += children_cpu() - c;
            let c = children_cpu();
            tr.push(time_command(&mut rg));
            cr += children_cpu() - c;
        }
        line(&format!("yishi list --search {term}"), tl);
        line(&format!("rg -l {term}"), tr);
        println!(
            "{:<44} yishi {}  rg {}  (user + system, mean of 15)",
            "  CPU time",
            ms(cl / 15),
            ms(cr / 15)
        );
    }

    // Refresh after one file changed.
    let victim = yishi::minutes_file::paths::minutes_files(&dir)
        .unwrap()
        .into_iter()
        .find(|p| p.to_string_lossy().contains("2020"))
        .unwrap();
    let mut refresh = Vec::new();
    let (mut read, mut parsed) = (0, 0);
    for _ in 0..5 {
        let text = std::fs::read(&victim).unwrap();
        std::fs::write(&victim, &text).unwrap();
        let mut a = Archive::open_cached(&dir, options(&cache)).unwrap();
        let t = Instant::now();
        let scan = a.scan().unwrap();
        let r = a.refresh(&scan);
        refresh.push(t.elapsed());
        (read, parsed) = (r.files_read, r.files_parsed);
    }
    line(
        &format!("refresh after one edit ({read} read, {parsed} parsed)"),
        refresh,
    );

    // Peak memory.
    let hwm = run_child("session", &dir, &cache, today);
    println!(
        "peak RSS of a session (open, sort by every column, {} keystrokes, overviews, open {} meetings): {:.1} MB",
        TERMS
            .iter()
            .map(|t| 2 * t.chars().count() - 1)
            .sum::<usize>(),
        count.div_ceil(97),
        hwm[0] as f64 / 1024.0
    );
    machine();
}
