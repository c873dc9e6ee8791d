/*
 * A deadline for SQLite statements, as a loadable extension. better-sqlite3 builds SQLite without the
 * progress handler (SQLITE_OMIT_PROGRESS_CALLBACK) and exposes no interrupt, so a watchdog thread per
 * connection calls sqlite3_interrupt() (documented as safe from another thread) once the deadline passes.
 * `select paperboy_deadline(ms)` arms it for `ms` milliseconds from now; `select paperboy_deadline(0)` disarms.
 * Statements running at the deadline, FTS5's nested ranking statements included, stop with SQLITE_INTERRUPT.
 */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1
#include <pthread.h>
#include <time.h>

typedef struct {
  sqlite3 *db;
  pthread_t thread;
  pthread_mutex_t lock;
  pthread_cond_t changed;
  struct timespec deadline; /* tv_sec == 0: disarmed */
  int stopping;
} Watchdog;

static int before(const struct timespec *a, const struct timespec *b) {
  return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

static void *watch(void *data) {
  Watchdog *dog = (Watchdog *)data;
  pthread_mutex_lock(&dog->lock);
  while (!dog->stopping) {
    if (dog->deadline.tv_sec == 0) {
      pthread_cond_wait(&dog->changed, &dog->lock);
      continue;
    }
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    if (before(&now, &dog->deadline)) {
      pthread_cond_timedwait(&dog->changed, &dog->lock, &dog->deadline);
      continue;
    }
    dog->deadline.tv_sec = 0;
    sqlite3_interrupt(dog->db);
  }
  pthread_mutex_unlock(&dog->lock);
  return 0;
}

static void arm(sqlite3_context *context, int argc, sqlite3_value **argv) {
  Watchdog *dog = (Watchdog *)sqlite3_user_data(context);
  sqlite3_int64 ms = argc > 0 ? sqlite3_value_int64(argv[0]) : 0;
  pthread_mutex_lock(&dog->lock);
  if (ms > 0) {
    clock_gettime(CLOCK_REALTIME, &dog->deadline);
    dog->deadline.tv_sec += ms / 1000;
    dog->deadline.tv_nsec += (ms % 1000) * 1000000;
    if (dog->deadline.tv_nsec >= 1000000000) {
      dog->deadline.tv_sec += 1;
      dog->deadline.tv_nsec -= 1000000000;
    }
  } else {
    dog->deadline.tv_sec = 0;
  }
  pthread_cond_signal(&dog->changed);
  pthread_mutex_unlock(&dog->lock);
  sqlite3_result_int64(context, ms);
}

/* Called when the connection closes (the function is dropped): the thread ends before the connection does. */
static void stop(void *data) {
  Watchdog *dog = (Watchdog *)data;
  pthread_mutex_lock(&dog->lock);
  dog->stopping = 1;
  pthread_cond_signal(&dog->changed);
  pthread_mutex_unlock(&dog->lock);
  pthread_join(dog->thread, 0);
  pthread_cond_destroy(&dog->changed);
  pthread_mutex_destroy(&dog->lock);
  sqlite3_free(dog);
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_sqlitedeadline_init(sqlite3 *db, char **error, const sqlite3_api_routines *api) {
  SQLITE_EXTENSION_INIT2(api);
  (void)error;
  Watchdog *dog = (Watchdog *)sqlite3_malloc(sizeof(Watchdog));
  if (dog == 0) return SQLITE_NOMEM;
  dog->db = db;
  dog->deadline.tv_sec = 0;
  dog->deadline.tv_nsec = 0;
  dog->stopping = 0;
  pthread_mutex_init(&dog->lock, 0);
  pthread_cond_init(&dog->changed, 0);
  if (pthread_create(&dog->thread, 0, watch, dog) != 0) {
    sqlite3_free(dog);
    return SQLITE_ERROR;
  }
  return sqlite3_create_function_v2(db, "paperboy_deadline", 1, SQLITE_UTF8, dog, arm, 0, 0, stop);
}
