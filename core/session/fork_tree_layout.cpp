// The fork tree as laid-out nodes: init at the top, children in pid order, parents centred
// over their children, big subtrees folded into "+N" badges so any tree stays drawable.
// Subtree sizes rely on parents having lower pids than children (true of fork and adoption).
#include <algorithm>
#include <optional>

#include "proclab/view_records.h"

namespace proclab {

int TreeLayout::find(Pid pid) const {
  for (size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].pid == pid) return static_cast<int>(i);
  return -1;
}

TreeLayout layout_fork_tree(const RunModel& model, const TreeOptions& options) {
  // Slots: the model's rows except init, in creation order; init is slot all.size().
  std::vector<const ProcessRow*> all;
  all.reserve(model.processes().size());
  for (const ProcessRow& r : model.processes())
    if (r.pid != kInitPid) all.push_back(&r);
  const size_t init_slot = all.size();
  const auto slot_of = [&](Pid pid) -> std::optional<size_t> {
    if (pid == kInitPid) return init_slot;
    const int i = model.index_of(pid);
    if (i < 0) return std::nullopt;
    // Rows before i hold at most one init, so the slot is i or i - 1.
    const ProcessRow* r = &model.processes()[static_cast<size_t>(i)];
    const size_t guess = std::min(static_cast<size_t>(i), all.size() - 1);
    return all[guess] == r ? guess : guess - 1;
  };

  const auto shown = [&](const ProcessRow* p) { return options.show_terminated || p->state != ProcState::Terminated; };
  std::vector<std::vector<size_t>> kids(all.size() + 1);
  std::vector<Pid> layout_parent(all.size(), kInitPid);
  for (size_t i = 0; i < all.size(); ++i) {
    if (!shown(all[i])) continue;
    std::optional<size_t> slot = slot_of(all[i]->ppid);
    if (options.by_fork) {
      const std::optional<size_t> orig = slot_of(all[i]->original_ppid);
      if (orig && (*orig == init_slot || shown(all[*orig]))) slot = orig;
    }
    const size_t s = slot.value_or(init_slot);
    layout_parent[i] = s == init_slot ? kInitPid : all[s]->pid;
    kids[s].push_back(i);
  }
  // Subtree sizes: parents are created before their children (fork, adoption), so one reverse
  // pass over creation order suffices.
  std::vector<int> size(all.size() + 1, 1);
  for (size_t i = all.size(); i-- > 0;)
    for (size_t k : kids[i]) size[i] += size[k];
  for (size_t k : kids[init_slot]) size[init_slot] += size[k];

  // The selected process and its ancestors are never folded.
  std::vector<char> must(all.size() + 1, 0);
  for (std::optional<size_t> s = options.selected == kNoPid ? std::nullopt : slot_of(options.selected); s && !must[*s];) {
    must[*s] = 1;
    if (*s == init_slot) break;
    s = slot_of(all[*s]->ppid);
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
    if (const ProcessRow* r = pid == kNoPid ? nullptr : model.process(pid); r && r->reparented_at >= 0) {
      n.previous_parent = r->previous_ppid;
      n.reparented_at = r->reparented_at;
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
