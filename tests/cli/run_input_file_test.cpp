// `proclab-cli run` reads its program as sched reads scenarios (proclab/input_file.h): only
// regular files of at most --max-input-size bytes, refused at once with one line and exit code 2.
#include <sys/stat.h>

#include <gtest/gtest.h>

#include "run_cli.h"

namespace proclab::test {
namespace {

TEST(RunInputFile, DevZeroIsRefusedInsteadOfReadForever) {
  const CliResult r = run_cli(PROCLAB_CLI, {"run", "/dev/zero"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "proclab-cli run: /dev/zero: is a device; expected a regular file\n");
}

TEST(RunInputFile, ADirectoryIsRefused) {
  const CliResult r = run_cli(PROCLAB_CLI, {"run", "/tmp"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "proclab-cli run: /tmp: is a directory; expected a regular file\n");
}

TEST(RunInputFile, AFifoIsRefusedAtOnce) {
  const std::string fifo = write_temp_file("prog.py", "") + ".fifo";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  const CliResult r = run_cli(PROCLAB_CLI, {"run", fifo});
  std::remove(fifo.c_str());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "proclab-cli run: " + fifo + ": is a FIFO (named pipe); expected a regular file\n");
}

TEST(RunInputFile, AProgramOverTheSizeLimitNamesTheFlagThatRaisesIt) {
  const std::string program = write_temp_file("long.py", "print(1)\n" + std::string(2000, '#') + "\n");
  const CliResult r = run_cli(PROCLAB_CLI, {"run", program, "--max-input-size", "1KiB"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "proclab-cli run: " + program +
                       ": larger than the input size limit of 1 KiB (raise it with --max-input-size)\n");
}

TEST(RunInputFile, AProgramWithinARaisedLimitRuns) {
  const std::string program = write_temp_file("long-ok.py", "print(1)\n" + std::string(2000, '#') + "\n");
  const CliResult r = run_cli(PROCLAB_CLI, {"run", program, "--max-input-size", "4KiB"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("] 1\n"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace proclab::test
