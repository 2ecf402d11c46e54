#ifndef DEALSCOPE_CNCURSES_SHIM_H
#define DEALSCOPE_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <signal.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <ncursesw/curses.h>

// Mutable C globals and macros that Swift cannot see, wrapped.
static inline WINDOW *ds_stdscr(void) { return stdscr; }
static inline int ds_lines(void) { return LINES; }
static inline int ds_cols(void) { return COLS; }
static inline int ds_colors(void) { return COLORS; }
static inline int ds_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t ds_a_bold(void) { return A_BOLD; }
static inline attr_t ds_a_reverse(void) { return A_REVERSE; }
static inline attr_t ds_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ds_a_dim(void) { return A_DIM; }
static inline int ds_ccharw_max(void) { return CCHARW_MAX; }
static inline attr_t ds_a_color(void) { return A_COLOR; }
static inline mmask_t ds_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t ds_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t ds_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t ds_button1_double(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t ds_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t ds_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t ds_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t ds_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }

// Button-motion tracking (xterm 1002), which curses' XM capability does not switch:
// turned off before Ctrl-Z stops the process (curses' own SIGTSTP handler, chained,
// then turns its modes off), so the shell gets no motion reports. xterm and tmux
// drop 1002 with curses' 1000 anyway; VTE keeps each mode apart. `ds_drag_on` is
// set by the backend while it is on.
// (Function-local statics: Swift emits the functions of a header, not its globals.)
static inline volatile sig_atomic_t *ds_drag_on(void) { static volatile sig_atomic_t on; return &on; }
static inline struct sigaction *ds_tstp_previous(void) { static struct sigaction previous; return &previous; }
static inline void ds_tstp_handler(int sig) {
    if (*ds_drag_on()) { ssize_t n = write(1, "\033[?1002l", 8); (void)n; }
    ds_tstp_previous()->sa_handler(sig);
}
static inline void ds_set_drag(int on) { *ds_drag_on() = on; }
// Only in front of a handler (curses'); a default or ignored SIGTSTP is left alone.
static inline int ds_chain_tstp(void) {
    struct sigaction current;
    if (sigaction(SIGTSTP, NULL, &current) != 0 || (current.sa_flags & SA_SIGINFO)
        || current.sa_handler == SIG_DFL || current.sa_handler == SIG_IGN || current.sa_handler == ds_tstp_handler) return -1;
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    action.sa_handler = ds_tstp_handler;
    return sigaction(SIGTSTP, &action, ds_tstp_previous());
}

// Width of a terminal on a file descriptor; 0 when it is not a terminal.
static inline int ds_terminal_columns(int fd) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0) return ws.ws_col;
    return 0;
}

static inline int ds_wcwidth(wchar_t c) { return wcwidth(c); }

// Used by the ncurses backend.
static inline WINDOW *ds_curscr(void) { return curscr; }
static inline FILE *ds_stdout_file(void) { return stdout; }
static inline FILE *ds_stdin_file(void) { return stdin; }
// The process group that owns the terminal on standard input is ours, or it cannot
// be told (not our controlling terminal: no job control, so nothing takes it).
static inline int ds_owns_foreground(void) { pid_t owner = tcgetpgrp(0); return owner == -1 || owner == getpgrp(); }
static inline int ds_key_f(int n) { return KEY_F(n); }

// Installs a handler without SA_RESTART, so a blocking read returns on the signal.
// Returns 0 on success; `old` (may be NULL) receives the previous action.
static inline int ds_install_handler(int sig, void (*handler)(int), struct sigaction *old) {
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    action.sa_handler = handler;
    return sigaction(sig, &action, old);
}
static inline int ds_is_ignored(int sig) {
    struct sigaction current;
    return sigaction(sig, NULL, &current) == 0 && current.sa_handler == SIG_IGN;
}
static inline int ds_restore_handler(int sig, const struct sigaction *old) {
    return sigaction(sig, old, NULL);
}
static inline int ds_default_handler(int sig) {
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    action.sa_handler = SIG_DFL;
    return sigaction(sig, &action, NULL);
}
#endif
