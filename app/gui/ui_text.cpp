// The string table: English and 简体中文 for every label (ui_text.h).
#include "ui_text.h"

#include <array>
#include <cassert>

namespace proclab::gui {

namespace {

struct Entry {
  S key;
  const char* en;
  const char* zh;
};

// In the order of enum S (checked at start-up by table()).
constexpr Entry kEntries[] = {
    {S::File, "File", "文件"},
    {S::Open, "Open...", "打开..."},
    {S::Save, "Save...", "保存..."},
    {S::ExportTimelinePng, "Export timeline as PNG", "导出时间线 PNG"},
    {S::ExportTreePng, "Export fork tree as PNG", "导出进程树 PNG"},
    {S::ExportChromeTrace, "Export trace (Chrome/Perfetto JSON)", "导出跟踪 (Chrome/Perfetto JSON)"},
    {S::Quit, "Quit", "退出"},
    {S::View, "View", "视图"},
    {S::ResetLayout, "Reset layout", "重置布局"},
    {S::FullScreen, "Full screen", "全屏"},
    {S::Lessons, "Lessons", "课程"},
    {S::Language, "Language", "语言"},
    {S::Scale, "Classroom scale", "课堂缩放"},
    {S::Theme, "Theme", "主题"},
    {S::Light, "Light", "浅色"},
    {S::Dark, "Dark", "深色"},
    {S::Help, "Help", "帮助"},
    {S::Shortcuts, "Keyboard shortcuts", "快捷键"},
    {S::ShortcutsText,
     "Space  play / pause\nRight  step one tick\nLeft   step back one tick\nR      reset\nCtrl+O open\nCtrl+S save\nF11    full screen",
     "空格    播放 / 暂停\n右方向键 前进一个时钟周期\n左方向键 后退一个时钟周期\nR       重置\nCtrl+O  打开\nCtrl+S  保存\nF11     全屏"},
    {S::Program, "Program", "程序"},
    {S::ForkTree, "Fork tree", "进程树"},
    {S::Timeline, "Timeline", "时间线"},
    {S::StateDiagram, "State diagram", "状态图"},
    {S::Queues, "Queues", "队列"},
    {S::Processes, "Processes", "进程表"},
    {S::Console, "Console", "控制台"},
    {S::Metrics, "Metrics", "指标"},
    {S::Controls, "Controls", "控制"},
    {S::Lesson, "Lesson", "课程"},
    {S::Policy, "Policy", "调度算法"},
    {S::Quantum, "Quantum", "时间片"},
    {S::Aging, "Aging", "老化"},
    {S::MlfqLevels, "MLFQ levels", "MLFQ 级数"},
    {S::Cpus, "CPUs", "CPU 数"},
    {S::ProcessLimit, "Process limit", "进程上限"},
    {S::ReparentTo, "Orphans go to", "孤儿进程交给"},
    {S::Seed, "Seed", "随机种子"},
    {S::ChildFirst, "Child runs first", "子进程先运行"},
    {S::Play, "Play", "播放"},
    {S::Pause, "Pause", "暂停"},
    {S::Step, "Step", "单步"},
    {S::StepBack, "Back", "后退"},
    {S::Reset, "Reset", "重置"},
    {S::Speed, "Speed", "速度"},
    {S::TicksPerSecond, "%.1f ticks/s", "%.1f 周期/秒"},
    {S::Tick, "tick", "时钟"},
    {S::StatusRunning, "running", "运行中"},
    {S::StatusExit, "finished: every process exited", "结束：所有进程已退出"},
    {S::StatusDeadlock, "deadlock: nothing can run", "死锁：没有进程能运行"},
    {S::StatusMaxTicks, "stopped at the tick limit", "达到时钟上限"},
    {S::StatusError, "cannot run", "无法运行"},
    {S::Edit, "Edit", "编辑"},
    {S::RunEdited, "Run this code", "运行这段代码"},
    {S::Revert, "Revert", "还原"},
    {S::Jobs, "Jobs", "作业"},
    {S::AddJob, "Add job", "添加作业"},
    {S::Remove, "Remove", "删除"},
    {S::Name, "Name", "名称"},
    {S::Arrival, "Arrival", "到达"},
    {S::Bursts, "Bursts", "执行序列"},
    {S::Priority, "Priority", "优先级"},
    {S::Nice, "Nice", "nice 值"},
    {S::LineAt, "line %d", "第 %d 行"},
    {S::NoDocument, "Nothing loaded", "未加载"},
    {S::FitView, "Fit", "适应窗口"},
    {S::ShowExited, "Show exited (fork shape)", "显示已结束（按 fork 关系）"},
    {S::AdoptedBy, "adopted by %d", "已被 %d 收养"},
    {S::Defunct, "<defunct>", "<defunct> 僵尸"},
    {S::MoreProcesses, "+%d", "+%d"},
    {S::ParentPid, "parent", "父进程"},
    {S::CpuTime, "CPU time", "CPU 时间"},
    {S::Children, "children", "子进程"},
    {S::ReparentedFrom, "adopted at tick %d (was child of %d)", "第 %d 周期被收养（原父进程 %d）"},
    {S::TreeHint, "drag to pan, wheel to zoom, click to select", "拖动平移，滚轮缩放，单击选中"},
    {S::Follow, "Follow", "跟随"},
    {S::Cpu, "CPU %d", "CPU %d"},
    {S::Idle, "idle", "空闲"},
    {S::ContextSwitch, "context switch", "上下文切换"},
    {S::TimelineHint, "wheel to zoom, drag to pan, click to go to a tick", "滚轮缩放，拖动平移，单击跳到该时刻"},
    {S::Running, "Running", "运行中"},
    {S::ReadyQueue, "Ready queue", "就绪队列"},
    {S::BlockedList, "Blocked", "阻塞"},
    {S::StoppedList, "Stopped", "已暂停"},
    {S::Zombies, "Zombies", "僵尸"},
    {S::WhyThisOne, "Why this one?", "为什么选它？"},
    {S::Empty, "(empty)", "（空）"},
    {S::Pid, "PID", "PID"},
    {S::Ppid, "PPID", "PPID"},
    {S::State, "State", "状态"},
    {S::ShowReaped, "Show reaped", "显示已回收"},
    {S::SendSignal, "Send", "发送"},
    {S::SetPriority, "Priority", "优先级"},
    {S::SetNice, "Nice", "nice 值"},
    {S::Apply, "Apply", "应用"},
    {S::FilterPid, "Only pid", "仅显示 PID"},
    {S::AllProcesses, "all", "全部"},
    {S::NoOutput, "(no output yet)", "（尚无输出）"},
    {S::Turnaround, "Turnaround", "周转时间"},
    {S::Waiting, "Waiting", "等待时间"},
    {S::Response, "Response", "响应时间"},
    {S::Completion, "Completion", "完成时刻"},
    {S::Average, "Average", "平均"},
    {S::ComparePolicies, "Compare", "比较"},
    {S::RunCompare, "Compare policies", "比较调度算法"},
    {S::ProcessCountOverTime, "Process count", "进程数"},
    {S::Utilization, "CPU utilization", "CPU 利用率"},
    {S::ContextSwitches, "Context switches", "上下文切换次数"},
    {S::NotFinished, "-", "-"},
    {S::RunForReal, "Run for real", "真实运行"},
    {S::RealRun, "Real run", "真实运行"},
    {S::RealRunning, "running demo \"%s\" in the lab (real processes, capped)...", "正在实验室中运行演示 \"%s\"（真实进程，有上限）..."},
    {S::RealLayers, "Containment layers", "隔离层"},
    {S::RealSummary, "peak %d of cap %d processes, %d forks failed, %d left after cleanup%s",
     "峰值 %d 个进程（上限 %d），%d 次 fork 失败，清理后剩余 %d 个%s"},
    {S::HostPid, "Host PID", "主机 PID"},
    {S::ObservedStates, "States seen", "观察到的状态"},
    {S::ExitCode, "Exit", "退出码"},
    {S::Command, "Command", "命令"},
    {S::RealTimeline, "States over time (microseconds, from /proc samples)", "状态随时间变化（微秒，来自 /proc 采样）"},
    {S::RealError, "The lab could not run", "实验室无法运行"},
    {S::Yes, "active", "已启用"},
    {S::No, "off", "未启用"},
    {S::FontMissing, "Chinese font not found (install fonts-wqy-microhei); Chinese text cannot be shown",
     "未找到中文字体（请安装 fonts-wqy-microhei）"},
    {S::SavedTo, "Saved %s", "已保存 %s"},
    {S::PathPrompt, "File path", "文件路径"},
    {S::Cancel, "Cancel", "取消"},
    {S::OK, "OK", "确定"},
    {S::Lang_, "中文", "English"},
    {S::ErrorPrefix, "Error", "错误"},
};
static_assert(std::size(kEntries) == static_cast<size_t>(S::Count_), "one entry per label");

const std::array<Entry, static_cast<size_t>(S::Count_)>& table() {
  static const auto t = [] {
    std::array<Entry, static_cast<size_t>(S::Count_)> out{};
    for (size_t i = 0; i < std::size(kEntries); ++i) {
      assert(static_cast<size_t>(kEntries[i].key) == i && "kEntries must follow enum S");
      out[i] = kEntries[i];
    }
    return out;
  }();
  return t;
}

Lang g_lang = Lang::En;

}  // namespace

void set_language(Lang lang) { g_lang = lang; }
Lang language() { return g_lang; }

const char* tr(S s) {
  const Entry& e = table()[static_cast<size_t>(s)];
  return g_lang == Lang::Zh ? e.zh : e.en;
}

const std::string& pick(const std::string& en, const std::string& zh) {
  if (g_lang == Lang::Zh && !zh.empty()) return zh;
  return en.empty() ? zh : en;
}

const char* state_name(ProcState s) {
  static const char* const en[] = {"New", "Ready", "Running", "Blocked", "Stopped", "Zombie", "Terminated"};
  if (g_lang == Lang::Zh) return chinese_name(s).data();
  return en[static_cast<size_t>(s)];
}

std::string all_chinese_text() {
  std::string out;
  for (const Entry& e : kEntries) out += e.zh;
  for (int s = 0; s < kProcStateCount; ++s) out += chinese_name(static_cast<ProcState>(s));
  return out;
}

}  // namespace proclab::gui
