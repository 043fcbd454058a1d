// The fork tree as laid-out nodes: init at the top, children in pid order, parents centred
// over their children, big subtrees folded into "+N" badges so any tree stays drawable.
// Subtree sizes rely on parents having lower pids than children (true of fork and adoption).
#include <algorithm>
#include <unordered_map>

#include "proclab/view_records.h"

namespace proclab {

int TreeLayout::find(Pid pid) const {
  for (size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].pid == pid) return static_cast<int>(i);
  return -1;
}

TreeLayout layout_fork_tree(const Kernel& kernel, const TreeOptions& options) {
  const std::vector<const Process*> all = kernel.processes();  // pid order
  std::unordered_map<Pid, size_t> index;  // pid -> slot in `all`; init is slot all.size()
  index.reserve(all.size() + 1);
  for (size_t i = 0; i < all.size(); ++i) index[all[i]->pid] = i;
  const size_t init_slot = all.size();
  index[kInitPid] = init_slot;

  const auto shown = [&](const Process* p) { return options.show_terminated || p->state != ProcState::Terminated; };
  std::vector<std::vector<size_t>> kids(all.size() + 1);
  std::vector<Pid> layout_parent(all.size(), kInitPid);
  for (size_t i = 0; i < all.size(); ++i) {
    if (!shown(all[i])) continue;
    auto it = index.find(all[i]->ppid);
    if (options.by_fork) {
      auto orig = index.find(all[i]->original_ppid);
      if (orig != index.end() && (orig->second == init_slot || shown(all[orig->second]))) it = orig;
    }
    const size_t slot = it == index.end() ? init_slot : it->second;
    layout_parent[i] = slot == init_slot ? kInitPid : all[slot]->pid;
    kids[slot].push_back(i);
  }
  // Subtree sizes: parents have lower pids than their children, so one reverse pass suffices.
  std::vector<int> size(all.size() + 1, 1);
  for (size_t i = all.size(); i-- > 0;)
    for (size_t k : kids[i]) size[i] += size[k];
  for (size_t k : kids[init_slot]) size[init_slot] += size[k];

  // The selected process and its ancestors are never folded.
  std::vector<char> must(all.size() + 1, 0);
  for (auto it = index.find(options.selected); it != index.end() && !must[it->second];) {
    must[it->second] = 1;
    if (it->second == init_slot) break;
    it = index.find(all[it->second]->ppid);
  }

  // Latest reparent of each pid.
  std::unordered_map<Pid, std::pair<Pid, Tick>> reparented;  // pid -> (previous parent, tick)
  std::unordered_map<Pid, Pid> parent_now;
  for (const Event& e : kernel.trace().events()) {
    if (e.kind != EventKind::Reparent) continue;
    auto cur = parent_now.find(e.pid);
    Pid before = cur != parent_now.end() ? cur->second : kNoPid;
    if (before == kNoPid) {
      const ProcessRecord* r = kernel.trace().process(e.pid);
      before = r ? r->parent : kNoPid;
    }
    reparented[e.pid] = {before, e.time};
    parent_now[e.pid] = e.detail;
  }

  TreeLayout out;
  std::vector<std::vector<int>> child_nodes;  // per node: indices of its child nodes
  const auto add_node = [&](Pid pid, int parent_index, int depth, ProcState state, int folded) {
    TreeNode n;
    n.pid = pid;
    n.parent_index = parent_index;
    n.parent = parent_index < 0 ? kNoPid : out.nodes[static_cast<size_t>(parent_index)].pid;
    n.y = static_cast<float>(depth);
    n.state = state;
    n.folded = folded;
    if (auto r = reparented.find(pid); pid != kNoPid && r != reparented.end()) {
      n.previous_parent = r->second.first;
      n.reparented_at = r->second.second;
    }
    out.nodes.push_back(n);
    child_nodes.emplace_back();
    out.depth = std::max(out.depth, depth);
    return static_cast<int>(out.nodes.size() - 1);
  };

  // Breadth first, so the budget goes to the top of the tree.
  std::vector<std::pair<int, size_t>> frontier{{add_node(kInitPid, -1, 0, ProcState::Running, 0), init_slot}};
  int visible = 1;
  for (size_t f = 0; f < frontier.size(); ++f) {
    const auto [node, slot] = frontier[f];
    const int depth = static_cast<int>(out.nodes[static_cast<size_t>(node)].y) + 1;
    int shown_kids = 0, folded = 0;
    for (size_t k : kids[slot]) {
      if (must[k] || (shown_kids < options.max_children && visible < options.budget)) {
        const int child = add_node(all[k]->pid, node, depth, all[k]->state, 0);
        if (all[k]->ppid != layout_parent[k]) out.nodes[static_cast<size_t>(child)].adopted_by = all[k]->ppid;
        child_nodes[static_cast<size_t>(node)].push_back(child);
        frontier.emplace_back(child, k);
        ++shown_kids;
        ++visible;
      } else {
        folded += size[k];
      }
    }
    if (folded > 0) {
      const int badge = add_node(kNoPid, node, depth, ProcState::New, folded);
      child_nodes[static_cast<size_t>(node)].push_back(badge);
      out.hidden += folded;
    }
  }

  // x: leaves take consecutive slots in depth-first order; a parent sits over its children.
  float next_slot = 0;
  std::vector<std::pair<int, bool>> stack{{0, false}};
  while (!stack.empty()) {
    auto [node, done] = stack.back();
    stack.pop_back();
    auto& kids_of = child_nodes[static_cast<size_t>(node)];
    TreeNode& n = out.nodes[static_cast<size_t>(node)];
    if (kids_of.empty()) {
      n.x = next_slot++;
    } else if (done) {
      n.x = (out.nodes[static_cast<size_t>(kids_of.front())].x + out.nodes[static_cast<size_t>(kids_of.back())].x) / 2;
    } else {
      stack.emplace_back(node, true);
      for (auto it = kids_of.rbegin(); it != kids_of.rend(); ++it) stack.emplace_back(*it, false);
    }
  }
  out.width = next_slot;
  return out;
}

}  // namespace proclab
