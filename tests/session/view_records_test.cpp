// Records the GUI draws, built without a window from a RunModel: the fold of a trace (a kernel
// only produces the trace here; no record function sees it).
#include <gtest/gtest.h>

#include <set>

#include "fork_program.h"
#include "proclab/scenario.h"
#include "proclab/session.h"
#include "proclab/view_records.h"

namespace proclab {
namespace {

using testing::fork_kernel;

RunModel model_of(const Kernel& k) { return RunModel::of(k.trace(), k.config().cpus, k.now()); }

Document rr_document() {
  Document d;
  d.settings.policy.name = "rr";
  d.settings.policy.quantum = 4;
  d.settings.jobs = parse_jobs_spec("P1:0:24,P2:0:3,P3:0:3").value();
  return d;
}

std::unique_ptr<Kernel> rr_textbook() {  // Silberschatz RR example: P1 24, P2 3, P3 3, q = 4
  Scenario s;
  s.policy.name = "rr";
  s.policy.quantum = 4;
  s.jobs = parse_jobs_spec("P1:0:24,P2:0:3,P3:0:3").value();
  return std::move(build_kernel(s).value());
}

TEST(PidColor, SamePidSameColor) { EXPECT_EQ(pid_color(103), pid_color(103)); }

TEST(PidColor, NeighbouringPidsDiffer) {
  std::set<std::uint32_t> colors;
  for (Pid p = 100; p < 108; ++p) colors.insert(pid_color(p));
  EXPECT_EQ(colors.size(), 8u);
}

TEST(PidColor, IsOpaque) { EXPECT_EQ(pid_color(100) >> 24, 0xFFu); }

TEST(ForkTree, ThreeForksGiveEightProcessesUnderInit) {
  auto k = fork_kernel(3, {.max_procs = 64});
  k->run(200);
  TreeLayout t = layout_fork_tree(model_of(*k), {});
  EXPECT_EQ(t.nodes.size(), 9u);  // init + 8
  EXPECT_EQ(t.hidden, 0);
}

TEST(ForkTree, ParentSitsOverItsChildren) {
  auto k = fork_kernel(3);
  k->run(200);
  TreeLayout t = layout_fork_tree(model_of(*k), {});
  const TreeNode& main = t.nodes[static_cast<size_t>(t.find(100))];
  float lo = 1e9f, hi = -1e9f;
  for (const TreeNode& n : t.nodes)
    if (n.parent == 100) lo = std::min(lo, n.x), hi = std::max(hi, n.x);
  EXPECT_FLOAT_EQ(main.x, (lo + hi) / 2);
}

TEST(ForkTree, ChildIsOneLevelBelowItsParent) {
  auto k = fork_kernel(3);
  k->run(200);
  TreeLayout t = layout_fork_tree(model_of(*k), {});
  for (const TreeNode& n : t.nodes) {
    if (n.parent == kNoPid) continue;
    EXPECT_EQ(n.y, t.nodes[static_cast<size_t>(t.find(n.parent))].y + 1);
  }
}

TEST(ForkTree, NoTwoNodesShareAPosition) {
  auto k = fork_kernel(4);
  k->run(400);
  TreeLayout t = layout_fork_tree(model_of(*k), {});
  std::set<std::pair<float, float>> seen;
  for (const TreeNode& n : t.nodes) EXPECT_TRUE(seen.insert({n.x, n.y}).second) << n.pid;
}

TEST(ForkTree, BigTreeFoldsIntoBadgesWithinBudget) {
  auto k = fork_kernel(10, {.max_procs = 5000});
  k->run(5000);
  TreeLayout t = layout_fork_tree(model_of(*k), {.budget = 50});
  int shown = 0, folded = 0;
  for (const TreeNode& n : t.nodes) n.pid == kNoPid ? folded += n.folded : ++shown;
  EXPECT_LE(shown, 50);
  EXPECT_EQ(shown - 1 + folded, 1024);  // every process either shown or counted in a badge
}

TEST(ForkTree, SelectedProcessIsNeverFolded) {
  auto k = fork_kernel(10, {.max_procs = 5000});
  k->run(5000);
  TreeLayout t = layout_fork_tree(model_of(*k), {.budget = 20, .selected = 1123});
  EXPECT_GE(t.find(1123), 0);
}

TEST(ForkTree, HidingTerminatedDropsReapedProcesses) {
  auto k = fork_kernel(3);
  k->run(200);
  TreeLayout t = layout_fork_tree(model_of(*k), {.show_terminated = false});
  EXPECT_EQ(t.nodes.size(), 1u);  // everything exited and init reaped it
}

TEST(ForkTree, OrphanMovesToInitAndRemembersItsParent) {
  auto k = fork_kernel(1);
  k->step();  // main forks 101
  k->send_signal(100, kSIGKILL);
  TreeLayout t = layout_fork_tree(model_of(*k), {});
  const TreeNode& child = t.nodes[static_cast<size_t>(t.find(101))];
  EXPECT_EQ(child.parent, kInitPid);
  EXPECT_EQ(child.previous_parent, 100);
  EXPECT_EQ(child.reparented_at, 1);
}

TEST(Timeline, CpuBandsFollowRoundRobin) {
  auto k = rr_textbook();
  k->run(100);
  std::vector<Band> b = cpu_bands(model_of(*k));
  ASSERT_GE(b.size(), 3u);
  EXPECT_EQ(b[0].pid, 100);
  EXPECT_EQ(b[0].end, 4);
  EXPECT_EQ(b[1].pid, 101);
  EXPECT_EQ(b[1].end, 7);
}

TEST(Timeline, ProcessBandsShowReadyWhileWaiting) {
  auto k = rr_textbook();
  k->run(100);
  auto lanes = process_bands(model_of(*k));
  ASSERT_EQ(lanes.size(), 3u);
  EXPECT_EQ(lanes[1][0].state, ProcState::Ready);  // P2 waits 0..4
  EXPECT_EQ(lanes[1][0].end, 4);
}

TEST(Timeline, ProcessBandsStopAtTheEndAsked) {
  auto k = rr_textbook();
  k->run(5);
  auto lanes = process_bands(model_of(*k));
  for (const auto& lane : lanes)
    for (const Band& b : lane) EXPECT_LE(b.end, 5);
}

TEST(StateDiagram, CountsEveryProcessOnce) {
  auto k = rr_textbook();
  for (int i = 0; i < 5; ++i) k->step();
  StateCounts c = state_counts(model_of(*k), 0);
  EXPECT_EQ(c.count[static_cast<size_t>(ProcState::Running)], 1);
  EXPECT_EQ(c.count[static_cast<size_t>(ProcState::Ready)], 2);
}

TEST(StateDiagram, MovesCountTransitionsSinceTheMark) {
  auto k = rr_textbook();
  for (int i = 0; i < 3; ++i) k->step();
  const size_t mark = k->trace().events().size();
  k->step();  // tick 3 -> 4: P1's quantum expires at the next tick's start, nothing moves yet
  k->step();  // P1 preempted, P2 dispatched
  StateCounts c = state_counts(model_of(*k), mark);
  EXPECT_EQ(c.moved[static_cast<size_t>(ProcState::Running)][static_cast<size_t>(ProcState::Ready)], 1);
}

TEST(Queues, ReadyRowListsWaitingProcessesInOrder) {
  Session s;
  s.load(rr_document());
  s.step();
  std::vector<QueueRow> rows = queue_rows(s.model(), s.scheduler());
  ASSERT_EQ(rows[0].kind, QueueRow::Kind::Cpu);
  EXPECT_EQ(rows[0].pids, std::vector<Pid>{100});
  EXPECT_EQ(rows[1].pids, (std::vector<Pid>{101, 102}));
}

TEST(Queues, MlfqLevelRowsAreLabelledInChinese) {
  Scenario s;
  s.jobs = parse_jobs_spec("6,6").value();
  s.policy.name = "mlfq";
  s.policy.quantum = 2;
  Session session;
  session.load({DocumentKind::Jobs, "mlfq", s, "", {}});
  session.step();
  const auto rows = queue_rows(session.model(), session.scheduler(), Locale::Zh);
  EXPECT_EQ(rows[1].label, "第 0 级（时间片 2）");
}

TEST(Queues, StoppedProcessIsListed) {
  auto k = rr_textbook();
  k->step();
  k->send_signal(101, kSIGSTOP);
  auto rows = queue_rows(model_of(*k), nullptr);
  const auto it = std::find_if(rows.begin(), rows.end(), [](const QueueRow& r) { return r.kind == QueueRow::Kind::Stopped; });
  ASSERT_NE(it, rows.end());
  EXPECT_EQ(it->pids, std::vector<Pid>{101});
}

TEST(ProcessTable, SortsByCpuTimeDescending) {
  auto k = rr_textbook();
  k->run(10);
  const RunModel m = model_of(*k);
  auto rows = table_rows(m, nullptr, TableColumn::CpuTime, true, false);
  EXPECT_EQ(rows.front()->pid, 100);  // P1 ran 4 + 3 ticks by tick 10
}

TEST(ProcessTable, ReapedProcessesHiddenUnlessAsked) {
  auto k = rr_textbook();
  k->run(100);
  EXPECT_TRUE(table_rows(model_of(*k), nullptr, TableColumn::Pid, false, false).empty());
  EXPECT_EQ(table_rows(model_of(*k), nullptr, TableColumn::Pid, false, true).size(), 3u);
}

TEST(Console, ThreeForksPrintEightOnes) {
  auto k = fork_kernel(3);
  k->run(200);
  const RunModel m = model_of(*k);
  auto lines = console_lines(m);
  ASSERT_EQ(lines.size(), 8u);
  for (const ConsoleLine& l : lines) EXPECT_EQ(l.text, "1");
}

TEST(Console, FilterKeepsOnlyThatPid) {
  auto k = fork_kernel(3);
  k->run(200);
  const RunModel m = model_of(*k);
  auto lines = console_lines(m, 100);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].pid, 100);
}

TEST(ProcessCount, GrowsWithForksAndFallsWithReaps) {
  auto k = fork_kernel(3);
  k->run(200);
  auto series = process_count_series(model_of(*k));
  EXPECT_EQ(series.front(), 1);
  EXPECT_EQ(*std::max_element(series.begin(), series.end()), 8);
  EXPECT_EQ(series.back(), 0);
}

}  // namespace
}  // namespace proclab

namespace proclab {
namespace {

TEST(ForkTree, ByForkKeepsTheForkShapeAfterParentsExit) {
  auto k = testing::fork_kernel(3);
  k->run(200);  // everyone exited: the orphans were adopted by init on the way
  TreeLayout t = layout_fork_tree(model_of(*k), {.by_fork = true});
  int under_main = 0;
  for (const TreeNode& n : t.nodes) under_main += n.parent == 100;
  EXPECT_EQ(under_main, 3);  // main forked three times
  EXPECT_EQ(t.depth, 4);     // init, main, child, grandchild, great-grandchild
}

TEST(ForkTree, ByForkMarksTheAdopter) {
  auto k = testing::fork_kernel(1);
  k->step();
  k->send_signal(100, kSIGKILL);
  TreeLayout t = layout_fork_tree(model_of(*k), {.by_fork = true});
  const TreeNode& child = t.nodes[static_cast<size_t>(t.find(101))];
  EXPECT_EQ(child.parent, 100);
  EXPECT_EQ(child.adopted_by, kInitPid);
}

}  // namespace
}  // namespace proclab

namespace proclab {
namespace {

TEST(ForkTree, ProcessNotYetArrivedIsShownAsNew) {
  auto k = testing::fork_kernel(3);  // at tick 0 main has not been admitted yet
  TreeLayout t = layout_fork_tree(model_of(*k), {});
  ASSERT_GE(t.find(100), 0);
  EXPECT_EQ(t.nodes[static_cast<size_t>(t.find(100))].state, ProcState::New);
}

}  // namespace
}  // namespace proclab

#include "proclab/metrics.h"

namespace proclab {
namespace {

// The metrics view mid-run: P2 has finished, P1 and P3 have not (Silberschatz RR at tick 10).
TEST(MetricsMidRun, UtilizationOfOneBusyCpuIsOneHundredPercent) {
  auto k = rr_textbook();
  k->run(10);
  const Metrics m = compute_metrics(k->trace(), 1, k->now());
  EXPECT_DOUBLE_EQ(m.utilization, 1.0);
}

}  // namespace
}  // namespace proclab
