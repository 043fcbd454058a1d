// Every label the GUI shows, in English and 简体中文, switchable at run time.
#pragma once

#include <string>
#include <string_view>

#include "proclab/kernel.h"
#include "proclab/view_records.h"

namespace proclab::gui {

enum class Lang { En, Zh };

// One entry per label. The table in strings.cpp holds both languages for each.
enum class S {
  // menus
  File, Open, Save, ExportTimelinePng, ExportTreePng, ExportChromeTrace, Quit, View, ResetLayout,
  FullScreen, Lessons, Language, Scale, Theme, Light, Dark, Help, Shortcuts, ShortcutsText,
  // views
  Program, ForkTree, Timeline, StateDiagram, Queues, Processes, Console, Metrics, Controls,
  // controls
  Lesson, Policy, Quantum, Aging, MlfqLevels, Cpus, ProcessLimit, ReparentTo, Seed, ChildFirst,
  Play, Pause, Step, StepBack, Reset, Speed, TicksPerSecond, Tick, StatusRunning, StatusExit,
  StatusDeadlock, StatusMaxTicks, StatusError,
  // program view
  Edit, RunEdited, Revert, Jobs, AddJob, Remove, Name, Arrival, Bursts, Priority, Nice,
  LineAt, NoDocument,
  // tree
  FitView, ShowExited, AdoptedBy, Defunct, MoreProcesses, ParentPid, CpuTime, Children, ReparentedFrom,
  TreeHint,
  // timeline
  Follow, Cpu, Idle, ContextSwitch, TimelineHint,
  // queues
  Running, ReadyQueue, BlockedList, StoppedList, Zombies, WhyThisOne, Empty,
  // table
  Pid, Ppid, State, ShowReaped, SendSignal, SetPriority, SetNice, Apply,
  // console
  FilterPid, AllProcesses, NoOutput,
  // metrics
  Turnaround, Waiting, Response, Completion, Average, ComparePolicies, RunCompare,
  ProcessCountOverTime, Utilization, ContextSwitches, NotFinished,
  // real run
  RunForReal, RealRun, RealRunning, RealLayers, RealSummary, HostPid, ObservedStates, ExitCode, Command,
  RealTimeline, RealError, Yes, No,
  // misc
  FontMissing, SavedTo, PathPrompt, Cancel, OK, Lang_, ErrorPrefix,
  Count_
};

void set_language(Lang lang);
Lang language();
// The label in the current language; never null.
const char* tr(S s);
// Text in the current language from a pair (lesson titles and explanations).
const std::string& pick(const std::string& en, const std::string& zh);
// A state's name in the current language (执行态 / Running).
const char* state_name(ProcState s);
// Every Chinese label concatenated (the font atlas loads exactly these glyphs and more).
std::string all_chinese_text();

}  // namespace proclab::gui
