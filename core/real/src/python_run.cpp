// Python real runs: a private copy of the program where the lab's uid can read it, then the tracer.
#include "proclab/real/python_run.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace proclab::real {

namespace {

// A directory the lab's workload can read: as root the workload runs as a dedicated uid.
std::string make_program_dir(std::string* error) {
  const char* tmp = std::getenv("TMPDIR");
  std::string dir = std::string(tmp && *tmp ? tmp : "/tmp") + "/proclab-program-XXXXXX";
  if (!mkdtemp(dir.data()) || chmod(dir.c_str(), 0755) != 0) {
    *error = "cannot create a directory for the program in " + dir + ": " + std::strerror(errno);
    return "";
  }
  return dir;
}

}  // namespace

Expected<LabResult> run_python_source(const std::string& source, const std::string& file_name,
                                      const LabOptions& options) {
  std::string error;
  const std::string dir = make_program_dir(&error);
  if (dir.empty()) return Error{error};
  const std::string base = file_name.empty() || file_name.find('/') != std::string::npos ? "program.py" : file_name;
  const std::string path = dir + "/" + base;
  FILE* f = std::fopen(path.c_str(), "w");
  const bool written = f && std::fwrite(source.data(), 1, source.size(), f) == source.size();
  if (f) std::fclose(f);
  Expected<LabResult> result = Error{"cannot write the program to " + path + ": " + std::strerror(errno)};
  if (written && chmod(path.c_str(), 0644) == 0) {
    LabOptions o = options;
    // -u: the tracer reads the program's output through a pipe, which CPython block-buffers, so a
    // fork would copy unflushed lines into the child; unbuffered, each print appears once, as on a
    // terminal and in the simulator (the lab's clean environment drops PYTHONUNBUFFERED).
    o.argv = {kPython, "-u", path};
    result = run_traced(o);
  }
  unlink(path.c_str());
  rmdir(dir.c_str());
  return result;
}

std::future<Expected<LabResult>> start_python_source(std::string source, std::string file_name, LabOptions options) {
  return std::async(std::launch::async, [s = std::move(source), n = std::move(file_name), o = std::move(options)] {
    return run_python_source(s, n, o);
  });
}

}  // namespace proclab::real
