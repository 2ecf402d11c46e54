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
