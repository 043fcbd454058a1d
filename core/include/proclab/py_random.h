// CPython 3.11's `random` module as a copyable value: the Mersenne Twister of
// Modules/_randommodule.c and the algorithms of Lib/random.py on top of it, so a program seeded as
// in CPython draws the same numbers (random.seed(42); random.randint(1, 100) is 82).
//
// Errors are values. Each fallible function fails with one CPython exception class, named in its
// comment; error().message is that exception's message, word for word as CPython 3.11 prints it.
// Seeding from str/bytes (CPython hashes them with SHA-512) and from None (os.urandom) are not here:
// the caller seeds with an integer.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "proclab/error.h"

namespace proclab {

class PyRandom {
 public:
  static constexpr std::size_t kStateWords = 624;  // MT19937's N
  // CPython's getstate()[1]: the 624 state words, then the index of the next word to use.
  using State = std::array<std::uint32_t, kStateWords + 1>;

  // Same as random.Random(seed).
  explicit PyRandom(std::int64_t seed = 0);

  // random.seed(a) for an int a: init_by_array over the 32-bit words of abs(a); 0 gives key [0].
  void seed(std::int64_t a);
  // random.seed(a) for an int of any size: `magnitude` is abs(a) as 32-bit words, least
  // significant first (high zero words are ignored, as CPython ignores them).
  void seed_words(std::span<const std::uint32_t> magnitude);

  // The next 32 bits of the twister (genrand_uint32).
  std::uint32_t genrand_uint32();
  // random.random(): a float in [0, 1) from two draws, a >> 5 and b >> 6.
  double random();
  // random.getrandbits(k) for 0 <= k <= 64 (k == 0 draws nothing and gives 0).
  // Promise: the caller passes k in [0, 64]; larger k goes through getrandbits_words.
  std::uint64_t getrandbits(int k);
  // random.getrandbits(k) for any k: the result as 32-bit words, least significant first,
  // (k + 31) / 32 of them. Fails with ValueError when k < 0.
  Expected<std::vector<std::uint32_t>> getrandbits_words(std::int64_t k);
  // Random._randbelow(n) (by getrandbits): an int in [0, n). The caller must pass n > 0.
  std::uint64_t randbelow(std::uint64_t n);

  // random.randrange(stop). Fails with ValueError "empty range for randrange()" when stop <= 0.
  Expected<std::int64_t> randrange(std::int64_t stop);
  // random.randrange(start, stop[, step]) with CPython 3.11's checks; fails with ValueError.
  Expected<std::int64_t> randrange(std::int64_t start, std::int64_t stop, std::int64_t step = 1);
  // random.randint(a, b) == randrange(a, b + 1); fails with ValueError when a > b.
  Expected<std::int64_t> randint(std::int64_t a, std::int64_t b);
  // The index random.choice(seq) takes for len(seq) == size. Fails with IndexError when size == 0.
  Expected<std::size_t> choice_index(std::size_t size);
  // random.shuffle(x) for anything with size() and operator[] whose items std::swap can exchange.
  template <class Sequence>
  void shuffle(Sequence& x);
  // The order random.shuffle leaves list(range(n)) in: item i of the shuffled list is old item
  // result[i].
  std::vector<std::size_t> shuffled_indices(std::size_t n);
  // The indices random.sample(population, k) takes for len(population) == n, in selection order.
  // Both of CPython's paths (a pool when n is small next to k, else a set of chosen indices), with
  // its setsize rule, so the draws match. Fails with ValueError when k < 0 or k > n.
  Expected<std::vector<std::size_t>> sample_indices(std::size_t n, std::int64_t k);
  // random.uniform(a, b): a + (b - a) * random().
  double uniform(double a, double b);

  // random.getstate() / setstate() of the generator (CPython's version 3 state, without gauss_next).
  State getstate() const;
  // Restores a state getstate() returned. The caller must pass an index in [0, 624].
  void setstate(const State& state);

  // Equal generators draw the same numbers from here on (what step back relies on).
  bool operator==(const PyRandom&) const = default;

 private:
  void init_genrand(std::uint32_t s);
  void init_by_array(std::span<const std::uint32_t> key);

  std::array<std::uint32_t, kStateWords> mt_{};
  std::size_t index_ = kStateWords + 1;
};

template <class Sequence>
void PyRandom::shuffle(Sequence& x) {
  using std::swap;
  // for i in reversed(range(1, len(x))): j = randbelow(i + 1); x[i], x[j] = x[j], x[i]
  for (std::size_t i = x.size(); i-- > 1;) {
    const std::size_t j = static_cast<std::size_t>(randbelow(i + 1));
    swap(x[i], x[j]);
  }
}

}  // namespace proclab
