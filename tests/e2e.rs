//! The real binary in a pseudo-terminal: the demo meeting run from
//! check-in to the notice countdown, recovery after kill -9, one writer
//! per meeting, SIGTERM, a closed terminal window, a panic. Screens are read
//! through a vt100 parser; the tests wait for text to appear (generously),
//! they never time anything.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use yishi::domain::meeting::MeetingState;
use yishi::domain::notice::NoticeEvent;
use yishi::domain::vote::Outcome;

const COLS: u16 = 100;
const ROWS: u16 = 30;

struct Pty {
    session: expectrl::session::OsSession,
    parser: vt100::Parser,
}

struct Dirs {
    _tmp: tempfile::TempDir,
    data: PathBuf,
    home: PathBuf,
}

fn dirs() -> Dirs {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let home = tmp.path().join("home");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::create_dir_all(&home).unwrap();
    Dirs {
        data,
        home,
        _tmp: tmp,
    }
}

fn command(d: &Dirs, args: &[&str]) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_yishi"));
    cmd.arg("--data-dir")
        .arg(&d.data)
        .args(args)
        .env("TERM", "xterm-256color")
        .env("HOME", &d.home)
        .env("YISHI_CONFIG_DIR", d.home.join("config"))
        .env("YISHI_CACHE_DIR", d.home.join("cache"))
        .env_remove("YISHI_DATA_DIR");
    cmd
}

impl Pty {
    fn spawn(d: &Dirs, args: &[&str]) -> Pty {
        let mut session = expectrl::Session::spawn(command(d, args)).expect("spawn yishi in a pty");
        session
            .get_process_mut()
            .set_window_size(COLS, ROWS)
            .unwrap();
        Pty {
            session,
            parser: vt100::Parser::new(ROWS.try_into().unwrap(), COLS.try_into().unwrap(), 0),
        }
    }

    fn pump(&mut self) {
        let mut buf = [0u8; 1 << 16];
        loop {
            match self.session.try_read(&mut buf) {
                Ok(0) => break,
                Ok(n) => self.parser.process(&buf[..n]),
                Err(_) => break,
            }
        }
    }

    fn screen(&mut self) -> String {
        self.pump();
        self.parser.screen().contents()
    }

    /// Wait until `needle` is on screen; fail with the screen after 20 s.
    fn wait_for(&mut self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            if Instant::now() > deadline {
                panic!("waited for {needle:?}; the screen is:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    fn keys(&mut self, keys: &str) {
        use std::io::Write;
        for k in keys.chars() {
            let mut b = [0; 4];
            self.session
                .write_all(k.encode_utf8(&mut b).as_bytes())
                .unwrap();
            self.session.flush().unwrap();
            // One key at a time, as a person types: an ESC followed at once
            // by other bytes would read as an escape sequence.
            std::thread::sleep(Duration::from_millis(15));
            self.pump();
        }
    }

    fn pid(&self) -> i32 {
        self.session.get_process().pid().as_raw()
    }

    /// Wait for the process to end; its last screen.
    fn wait_exit(&mut self) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.session.get_process().is_alive().unwrap_or(false) {
            self.pump();
            assert!(
                Instant::now() < deadline,
                "yishi did not exit:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(40));
        }
        self.screen()
    }
}

fn the_only_file(dir: &Path) -> PathBuf {
    let files = yishi::minutes_file::paths::minutes_files(dir).unwrap();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

const DOWN_AND_CHECK_IN: &str = "j ";

#[test]
fn the_demo_runs_from_check_in_to_the_notice_countdown() {
    let d = dirs();
    let mut pty = Pty::spawn(&d, &["demo"]);
    pty.wait_for("参会名单");
    pty.wait_for("出席 0/13");
    // Check everyone in.
    pty.keys(" ");
    for _ in 0..12 {
        pty.keys(DOWN_AND_CHECK_IN);
    }
    pty.wait_for("出席 13/13");
    pty.wait_for("已达法定人数");
    // Start the first topic.
    pty.keys("2\r");
    pty.wait_for("讨论中");
    // A vote: the default voters (the seven unit heads and the residents'
    // representative), simple majority, named ballots.
    pty.keys("4v");
    pty.wait_for("表决事项");
    pty.keys("\r");
    pty.wait_for("逐人记票");
    pty.keys("yyyyyyny");
    pty.wait_for("按目前票数：通过");
    pty.keys("c");
    pty.wait_for("结束表决？");
    pty.keys("y");
    pty.wait_for("已结束（锁定）");
    // The decision.
    pty.keys("d");
    pty.wait_for("决定内容");
    pty.keys("\r");
    pty.wait_for("决定已记录");
    // The notice and its countdown.
    pty.keys("5n");
    pty.wait_for("张贴地点");
    pty.keys("\r");
    let screen = pty.wait_for("公示已发布");
    assert!(screen.contains("公示中"), "{screen}");
    assert!(screen.contains("剩余"), "{screen}");
    // Quit, confirmed.
    pty.keys("q");
    pty.wait_for("退出 yishi？");
    pty.keys("y");
    let after = pty.wait_exit();
    assert!(
        after.contains("会议已保存"),
        "the terminal is back and says where: {after}"
    );

    let file = the_only_file(&d.data);
    let m = yishi::minutes_file::read(&file).unwrap().minutes;
    assert!(m.validate().is_empty(), "{:?}", m.validate());
    assert_eq!(m.meeting.state, MeetingState::InProgress);
    assert_eq!(m.attendance().present, 13);
    let vote = &m.votes[0];
    assert!(vote.is_closed());
    assert_eq!(vote.verdict.as_ref().unwrap().outcome, Outcome::Passed);
    assert_eq!(vote.current_ballots(), &vote.ballots);
    assert_eq!(m.decisions.len(), 1);
    assert_eq!(m.decisions[0].vote, Some(vote.id));
    assert_eq!(m.notices.len(), 1);
    assert!(matches!(
        m.notices[0].events[..],
        [NoticeEvent::Posted { .. }]
    ));
    // The file is canonical: what `yishi fmt` would write.
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        yishi::minutes_file::to_ron(&m)
    );
}

#[test]
fn after_kill_9_nothing_entered_is_lost_and_the_meeting_is_offered_again() {
    let d = dirs();
    let mut pty = Pty::spawn(&d, &["demo"]);
    pty.wait_for("参会名单");
    pty.keys(" jj ");
    pty.wait_for("出席 2/13");
    // A speaker and a half-typed summary.
    pty.keys("3a");
    pty.wait_for("加入发言队列");
    pty.keys("\r\ri");
    pty.keys("单元长收上来的钱");
    pty.wait_for("单元长收上来的钱");
    // And a walk-in's name typed into a form not yet submitted.
    pty.keys("\x1b");
    pty.keys("1a");
    pty.wait_for("新增参会人员");
    pty.keys("吴桂兰");
    pty.wait_for("吴桂兰");
    let file = the_only_file(&d.data);
    let status = std::process::Command::new("kill")
        .args(["-9", &pty.pid().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    pty.wait_exit();

    let m = yishi::minutes_file::read(&file).unwrap().minutes;
    assert_eq!(m.attendance().present, 2);
    assert_eq!(m.speeches.len(), 1);
    assert_eq!(m.speeches[0].summary, "单元长收上来的钱");
    assert_eq!(m.live.floor, Some(0), "the speech in progress is kept");

    // The next start offers the interrupted meeting; it opens (the lock
    // died with the process) exactly where it was.
    let mut again = Pty::spawn(&d, &[]);
    again.wait_for("未结束的会议（可继续）");
    again.wait_for("北苑居小区第三次听证协商会");
    again.keys("\r");
    again.wait_for("出席 2/13");
    // The form comes back as it was; cancelling it leaves no trace.
    again.wait_for("已恢复上次未提交的内容");
    let screen = again.wait_for("新增参会人员");
    assert!(screen.contains("吴桂兰"), "{screen}");
    again.keys("\x1b");
    again.keys("3");
    again.wait_for("单元长收上来的钱");
    again.keys("qy");
    again.wait_exit();
}

#[test]
fn a_second_yishi_cannot_write_the_same_meeting() {
    let d = dirs();
    let mut first = Pty::spawn(&d, &["demo"]);
    first.wait_for("参会名单");
    let file = the_only_file(&d.data);
    let out = command(&d, &["open", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("这次会议正由另一个 yishi 打开"), "{err}");
    assert!(
        err.contains(&first.pid().to_string()),
        "names the process: {err}"
    );
    first.keys("qy");
    first.wait_exit();
    // Once the first has quit, the meeting opens.
    let mut second = Pty::spawn(&d, &["open", file.to_str().unwrap()]);
    second.wait_for("参会名单");
    second.keys("qy");
    second.wait_exit();
}

#[test]
fn sigterm_saves_and_restores_the_terminal() {
    let d = dirs();
    let mut pty = Pty::spawn(&d, &["demo"]);
    pty.wait_for("参会名单");
    pty.keys(" ");
    pty.wait_for("出席 1/13");
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pty.pid().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let after = pty.wait_exit();
    assert!(after.contains("会议已保存"), "{after}");
    assert!(
        !after.contains("参会名单"),
        "the alternate screen is gone: {after}"
    );
    let m = yishi::minutes_file::read(&the_only_file(&d.data))
        .unwrap()
        .minutes;
    assert_eq!(m.attendance().present, 1);
}

#[test]
fn ctrl_c_saves_and_restores_the_terminal_in_english_too() {
    let d = dirs();
    let mut pty = Pty::spawn(&d, &["--lang", "en", "demo"]);
    pty.wait_for("Roster");
    pty.keys(" ");
    pty.wait_for("present 1/13");
    pty.keys("\u{3}");
    let after = pty.wait_exit();
    assert!(after.contains("the meeting is saved in"), "{after}");
    let m = yishi::minutes_file::read(&the_only_file(&d.data))
        .unwrap()
        .minutes;
    assert_eq!(m.attendance().present, 1);
}

#[test]
fn the_archive_finds_the_beiyuanju_decision_and_shows_its_minutes() {
    let d = dirs();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    for f in [
        "beiyuanju-1.ron",
        "beiyuanju-2.ron",
        "beiyuanju-3.ron",
        "zigang-sibuzou.ron",
    ] {
        std::fs::copy(samples.join(f), d.data.join(f)).unwrap();
    }
    let mut pty = Pty::spawn(&d, &["archive"]);
    pty.wait_for("4 个文件");
    pty.wait_for("紫港社区");
    pty.keys("/保洁员一名，负责");
    pty.wait_for("1 / 4 个");
    pty.keys("\r\r");
    pty.wait_for("只读：北苑居小区第三次听证协商会会议纪要");
    pty.keys("q");
    pty.wait_for("1 / 4 个");
    pty.keys("q");
    pty.wait_exit();
    // The index was saved in the cache folder for the next start.
    assert!(d.home.join("cache").read_dir().unwrap().next().is_some());
}

#[test]
fn a_broken_file_is_reported_before_the_screen_changes() {
    let d = dirs();
    let bad = d.data.join("坏.ron");
    std::fs::write(&bad, "(format_version: 1, meeting: (title: \"x\"").unwrap();
    let out = command(&d, &["open", bad.to_str().unwrap(), "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with(&format!("{}:1:", bad.display())), "{err}");
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("\x1b[?1049h"),
        "never entered the alternate screen"
    );
}

/// A terminal whose window is closed under yishi: the pseudo-terminal's
/// master side goes away. yishi must notice, leave (not spin on a dead
/// terminal holding the meeting's lock), and keep what was entered.
#[test]
fn closing_the_terminal_window_ends_yishi_and_frees_the_meeting() {
    use std::io::Read;
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    use std::os::unix::process::CommandExt;

    let d = dirs();
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize {
        ws_row: ROWS,
        ws_col: COLS,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two new descriptors, which we own from here.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    // SAFETY: fcntl on descriptors we own. The master side is ours alone
    // (close-on-exec, as a terminal emulator keeps it), read without
    // blocking.
    unsafe {
        let flags = libc::fcntl(master.as_raw_fd(), libc::F_GETFL);
        libc::fcntl(master.as_raw_fd(), libc::F_SETFL, flags | libc::O_NONBLOCK);
        libc::fcntl(master.as_raw_fd(), libc::F_SETFD, libc::FD_CLOEXEC);
        libc::fcntl(slave.as_raw_fd(), libc::F_SETFD, libc::FD_CLOEXEC);
    }
    let mut cmd = command(&d, &["demo"]);
    cmd.stdin(slave.try_clone().unwrap())
        .stdout(slave.try_clone().unwrap())
        .stderr(slave);
    // The child leads its own session with the pty as its controlling
    // terminal, as in a terminal window.
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = cmd.spawn().unwrap();
    drop(cmd);

    // Check one person in, and wait until it is on screen.
    let mut master = std::fs::File::from(master);
    let mut parser = vt100::Parser::new(ROWS.try_into().unwrap(), COLS.try_into().unwrap(), 0);
    let mut wait_for = |master: &mut std::fs::File, needle: &str| {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut buf = [0u8; 1 << 16];
        loop {
            while let Ok(n @ 1..) = master.read(&mut buf) {
                parser.process(&buf[..n]);
            }
            let s = parser.screen().contents();
            if s.contains(needle) {
                return;
            }
            assert!(Instant::now() < deadline, "waited for {needle:?}:\n{s}");
            std::thread::sleep(Duration::from_millis(40));
        }
    };
    wait_for(&mut master, "参会名单");
    {
        use std::io::Write;
        master.write_all(b" ").unwrap();
    }
    wait_for(&mut master, "出席 1/");

    // The window closes.
    drop(master);
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("yishi still runs 20 s after its terminal was closed");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.code().is_some(), "yishi left by itself: {status:?}");
    let file = the_only_file(&d.data);
    assert!(!yishi::minutes_file::lock::is_locked(&file));
    let m = yishi::minutes_file::read(&file).unwrap().minutes;
    assert_eq!(m.attendance().present, 1);
}

/// A panic (asked for with `YISHI_TEST_PANIC`, honoured by debug builds
/// only) after the first frame: the terminal leaves the alternate screen,
/// raw mode is undone, the message is readable, the minutes are on disk.
/// (Built with the tests' profile: absent from `cargo test --release`,
/// whose yishi has no such request.)
#[cfg(debug_assertions)]
#[test]
fn a_panic_restores_the_terminal_and_keeps_the_meeting() {
    let d = dirs();
    let mut cmd = command(&d, &["demo"]);
    cmd.env("YISHI_TEST_PANIC", "1");
    let mut session = expectrl::Session::spawn(cmd).expect("spawn yishi in a pty");
    session
        .get_process_mut()
        .set_window_size(COLS, ROWS)
        .unwrap();
    let mut pty = Pty {
        session,
        parser: vt100::Parser::new(ROWS.try_into().unwrap(), COLS.try_into().unwrap(), 0),
    };
    let after = pty.wait_exit();
    assert!(
        !pty.parser.screen().alternate_screen(),
        "back on the main screen: {after}"
    );
    assert!(!pty.parser.screen().hide_cursor(), "the cursor is shown");
    assert!(after.contains("YISHI_TEST_PANIC"), "the message: {after}");
    // Raw mode is undone: the terminal reads lines again (ICANON).
    let master = pty.session.get_process().get_raw_handle().unwrap();
    // SAFETY: tcgetattr fills a termios we own, from a descriptor we own.
    let lflag = unsafe {
        let mut t: libc::termios = std::mem::zeroed();
        assert_eq!(
            libc::tcgetattr(std::os::fd::AsRawFd::as_raw_fd(&master), &mut t),
            0
        );
        t.c_lflag
    };
    assert_ne!(lflag & libc::ICANON, 0, "canonical mode is back");
    let file = the_only_file(&d.data);
    assert!(yishi::minutes_file::read(&file).is_ok());
    assert!(!yishi::minutes_file::lock::is_locked(&file));
}
