// CPython 3.11's random: MT19937 as Modules/_randommodule.c runs it, and the integer and sequence
// algorithms of Lib/random.py (3.11) on top of it. Python ints become 128-bit intermediates where
// a difference of two int64 values can overflow (randrange's width).
#include "proclab/py_random.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <string>
#include <unordered_set>

namespace proclab {
namespace {

constexpr std::size_t kN = PyRandom::kStateWords;
constexpr std::size_t kM = 397;
constexpr std::uint32_t kMatrixA = 0x9908b0dfU;
constexpr std::uint32_t kUpperMask = 0x80000000U;
constexpr std::uint32_t kLowerMask = 0x7fffffffU;

__extension__ using Int128 = __int128;

// Python's // (rounds toward negative infinity). The caller must pass d != 0.
Int128 floor_div(Int128 n, Int128 d) {
  Int128 q = n / d;
  if ((n % d != 0) && ((n < 0) != (d < 0))) --q;
  return q;
}

std::string to_decimal(Int128 v) {
  if (v == 0) return "0";
  const bool negative = v < 0;
  std::string digits;
  while (v != 0) {
    const int digit = static_cast<int>(v % 10);
    digits.push_back(static_cast<char>('0' + (digit < 0 ? -digit : digit)));
    v /= 10;
  }
  if (negative) digits.push_back('-');
  std::reverse(digits.begin(), digits.end());
  return digits;
}

// 21 + 4 ** ceil(log(k * 3, 4)) for k > 5, as random.sample computes it, saturated at 2**64 - 1.
std::uint64_t sample_setsize(std::uint64_t k) {
  std::uint64_t setsize = 21;
  if (k > 5) {
    // math.log(x, base) is log(x) / log(base) in CPython.
    const double exponent = std::ceil(std::log(static_cast<double>(k) * 3.0) / std::log(4.0));
    if (exponent >= 32.0) return UINT64_MAX;
    setsize += std::uint64_t{1} << (2 * static_cast<unsigned>(exponent));
  }
  return setsize;
}

}  // namespace

PyRandom::PyRandom(std::int64_t seed) { this->seed(seed); }

void PyRandom::init_genrand(std::uint32_t s) {
  mt_[0] = s;
  for (std::size_t i = 1; i < kN; ++i) {
    mt_[i] = 1812433253U * (mt_[i - 1] ^ (mt_[i - 1] >> 30)) + static_cast<std::uint32_t>(i);
  }
  index_ = kN;
}

void PyRandom::init_by_array(std::span<const std::uint32_t> key) {
  init_genrand(19650218U);
  std::size_t i = 1;
  std::size_t j = 0;
  for (std::size_t k = std::max(kN, key.size()); k > 0; --k) {
    mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1664525U)) + key[j] +
             static_cast<std::uint32_t>(j);
    ++i;
    ++j;
    if (i >= kN) {
      mt_[0] = mt_[kN - 1];
      i = 1;
    }
    if (j >= key.size()) j = 0;
  }
  for (std::size_t k = kN - 1; k > 0; --k) {
    mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1566083941U)) - static_cast<std::uint32_t>(i);
    ++i;
    if (i >= kN) {
      mt_[0] = mt_[kN - 1];
      i = 1;
    }
  }
  mt_[0] = 0x80000000U;  // MSB is 1, assuring a non-zero initial array
  index_ = kN;
}

void PyRandom::seed(std::int64_t a) {
  // abs(a) without overflow for INT64_MIN.
  const std::uint64_t magnitude =
      a < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(a) : static_cast<std::uint64_t>(a);
  const std::uint32_t words[2] = {static_cast<std::uint32_t>(magnitude),
                                  static_cast<std::uint32_t>(magnitude >> 32)};
  seed_words(words);
}

void PyRandom::seed_words(std::span<const std::uint32_t> magnitude) {
  // random_seed(): the key is the little-endian words of abs(a), without high zero words, and
  // at least one word (a == 0 gives [0]).
  std::size_t used = magnitude.size();
  while (used > 1 && magnitude[used - 1] == 0) --used;
  if (used == 0) {
    const std::uint32_t zero[1] = {0};
    init_by_array(zero);
    return;
  }
  init_by_array(magnitude.first(used));
}

std::uint32_t PyRandom::genrand_uint32() {
  static constexpr std::uint32_t mag01[2] = {0x0U, kMatrixA};
  if (index_ >= kN) {  // generate N words at one time
    std::size_t kk = 0;
    for (; kk < kN - kM; ++kk) {
      const std::uint32_t y = (mt_[kk] & kUpperMask) | (mt_[kk + 1] & kLowerMask);
      mt_[kk] = mt_[kk + kM] ^ (y >> 1) ^ mag01[y & 0x1U];
    }
    for (; kk < kN - 1; ++kk) {
      const std::uint32_t y = (mt_[kk] & kUpperMask) | (mt_[kk + 1] & kLowerMask);
      mt_[kk] = mt_[kk + kM - kN] ^ (y >> 1) ^ mag01[y & 0x1U];
    }
    const std::uint32_t y = (mt_[kN - 1] & kUpperMask) | (mt_[0] & kLowerMask);
    mt_[kN - 1] = mt_[kM - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
    index_ = 0;
  }
  std::uint32_t y = mt_[index_++];
  y ^= (y >> 11);
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= (y >> 18);
  return y;
}

double PyRandom::random() {
  const std::uint32_t a = genrand_uint32() >> 5;
  const std::uint32_t b = genrand_uint32() >> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

std::uint64_t PyRandom::getrandbits(int k) {
  if (k <= 0) return 0;
  if (k <= 32) return genrand_uint32() >> (32 - k);
  // Words come least significant first; the last one keeps only its top bits.
  const std::uint64_t low = genrand_uint32();
  const std::uint64_t high = genrand_uint32() >> (64 - k);
  return low | (high << 32);
}

Expected<std::vector<std::uint32_t>> PyRandom::getrandbits_words(std::int64_t k) {
  if (k < 0) return Error{"number of bits must be non-negative"};
  std::vector<std::uint32_t> words;
  words.reserve(static_cast<std::size_t>((k + 31) / 32));
  for (std::int64_t left = k; left > 0; left -= 32) {
    std::uint32_t r = genrand_uint32();
    if (left < 32) r >>= (32 - left);
    words.push_back(r);
  }
  return words;
}

std::uint64_t PyRandom::randbelow(std::uint64_t n) {
  const int k = std::bit_width(n);  // n.bit_length(), not (n-1)'s: n can be 1
  std::uint64_t r = getrandbits(k);
  while (r >= n) r = getrandbits(k);
  return r;
}

Expected<std::int64_t> PyRandom::randrange(std::int64_t stop) {
  if (stop > 0) return static_cast<std::int64_t>(randbelow(static_cast<std::uint64_t>(stop)));
  return Error{"empty range for randrange()"};
}

Expected<std::int64_t> PyRandom::randrange(std::int64_t start, std::int64_t stop, std::int64_t step) {
  const Int128 width = Int128{stop} - Int128{start};
  if (step == 1) {
    if (width > 0) return static_cast<std::int64_t>(start + Int128(randbelow(static_cast<std::uint64_t>(width))));
    return Error{"empty range for randrange() (" + to_decimal(start) + ", " + to_decimal(stop) + ", " +
                 to_decimal(width) + ")"};
  }
  Int128 n = 0;
  if (step > 0) {
    n = floor_div(width + step - 1, step);
  } else if (step < 0) {
    n = floor_div(width + step + 1, step);
  } else {
    return Error{"zero step for randrange()"};
  }
  if (n <= 0) return Error{"empty range for randrange()"};
  return static_cast<std::int64_t>(start + Int128{step} * Int128(randbelow(static_cast<std::uint64_t>(n))));
}

Expected<std::int64_t> PyRandom::randint(std::int64_t a, std::int64_t b) {
  if (b == INT64_MAX) {
    // b + 1 does not fit; randrange(a, b + 1) with step 1 is a + randbelow(b + 1 - a).
    const Int128 width = Int128{b} + 1 - Int128{a};
    return static_cast<std::int64_t>(a + Int128(randbelow(static_cast<std::uint64_t>(width))));
  }
  return randrange(a, b + 1);
}

Expected<std::size_t> PyRandom::choice_index(std::size_t size) {
  if (size == 0) return Error{"Cannot choose from an empty sequence"};
  return static_cast<std::size_t>(randbelow(size));
}

std::vector<std::size_t> PyRandom::shuffled_indices(std::size_t n) {
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  shuffle(order);
  return order;
}

Expected<std::vector<std::size_t>> PyRandom::sample_indices(std::size_t n, std::int64_t k) {
  if (k < 0 || static_cast<std::uint64_t>(k) > n) return Error{"Sample larger than population or is negative"};
  const auto count = static_cast<std::size_t>(k);
  std::vector<std::size_t> result(count);
  if (n <= sample_setsize(count)) {
    // An n-length list is smaller than a k-length set: draw from a shrinking pool.
    std::vector<std::size_t> pool(n);
    for (std::size_t i = 0; i < n; ++i) pool[i] = i;
    for (std::size_t i = 0; i < count; ++i) {
      const auto j = static_cast<std::size_t>(randbelow(n - i));
      result[i] = pool[j];
      pool[j] = pool[n - i - 1];  // move the non-selected item into the vacancy
    }
  } else {
    std::unordered_set<std::size_t> selected;
    for (std::size_t i = 0; i < count; ++i) {
      auto j = static_cast<std::size_t>(randbelow(n));
      while (selected.contains(j)) j = static_cast<std::size_t>(randbelow(n));
      selected.insert(j);
      result[i] = j;
    }
  }
  return result;
}

double PyRandom::uniform(double a, double b) { return a + (b - a) * random(); }

PyRandom::State PyRandom::getstate() const {
  State state{};
  std::copy(mt_.begin(), mt_.end(), state.begin());
  state[kN] = static_cast<std::uint32_t>(index_);
  return state;
}

void PyRandom::setstate(const State& state) {
  std::copy(state.begin(), state.begin() + kN, mt_.begin());
  index_ = state[kN];
}

}  // namespace proclab
