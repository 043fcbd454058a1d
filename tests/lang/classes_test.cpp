// Classes, inheritance, properties, user exceptions and dunders, against CPython.
// Goldens: the output of /usr/bin/python3 (3.11) on each program, except that CPython's
// traceback source lines ("    raise ...") are left out (proclab does not print them yet).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "run_program.h"

namespace proclab {
namespace {

using ::testing::ElementsAreArray;
using testing::run_program;

TEST(LangClasses, SubclassCallsBaseInitThroughSuperAndOverridesAMethod) {
  const auto r = run_program("class Animal:\n"
      "    def __init__(self, name):\n"
      "        self.name = name\n"
      "    def speak(self):\n"
      "        return self.name + \" makes a sound\"\n"
      "class Dog(Animal):\n"
      "    def __init__(self, name):\n"
      "        super().__init__(name)\n"
      "        self.tricks = 0\n"
      "    def speak(self):\n"
      "        return super().speak() + \": woof\"\n"
      "d = Dog(\"rex\")\n"
      "d.tricks += 2\n"
      "print(d.speak(), d.tricks, isinstance(d, Animal), type(d).__name__)\n"
      "");
  EXPECT_THAT(r.lines, ElementsAreArray(std::vector<std::string>{"rex makes a sound: woof 2 True Dog"}));
}

TEST(LangClasses, DiamondInheritanceFollowsC3Order) {
  const auto r = run_program("class A:\n"
      "    def who(self): return \"A\"\n"
      "class B(A):\n"
      "    def who(self): return \"B\" + super().who()\n"
      "class C(A):\n"
      "    def who(self): return \"C\" + super().who()\n"
      "class D(B, C):\n"
      "    def who(self): return \"D\" + super().who()\n"
      "print(D().who(), D.__mro__)\n"
      "");
  EXPECT_THAT(r.lines, ElementsAreArray(std::vector<std::string>{"DBCA (<class '__main__.D'>, <class '__main__.B'>, <class '__main__.C'>, <class '__main__.A'>, <class 'object'>)"}));
}

TEST(LangClasses, PropertySetterStaticmethodAndClassmethodWork) {
  const auto r = run_program("class Temp:\n"
      "    def __init__(self):\n"
      "        self._c = 0\n"
      "    @property\n"
      "    def c(self):\n"
      "        return self._c\n"
      "    @c.setter\n"
      "    def c(self, v):\n"
      "        if v < -273:\n"
      "            raise ValueError(\"too cold\")\n"
      "        self._c = v\n"
      "    @staticmethod\n"
      "    def unit():\n"
      "        return \"C\"\n"
      "    @classmethod\n"
      "    def make(cls):\n"
      "        return cls()\n"
      "t = Temp.make()\n"
      "t.c = 25\n"
      "print(t.c, Temp.unit(), t.unit())\n"
      "try:\n"
      "    t.c = -300\n"
      "except ValueError as e:\n"
      "    print(\"error:\", e, e.args)\n"
      "");
  EXPECT_THAT(r.lines, ElementsAreArray(std::vector<std::string>{"25 C C", "error: too cold ('too cold',)"}));
}

TEST(LangClasses, UserExceptionSubclassCarriesAttributesArgsAndCause) {
  const auto r = run_program("class AppError(Exception):\n"
      "    def __init__(self, code, msg):\n"
      "        super().__init__(msg)\n"
      "        self.code = code\n"
      "class NotFound(AppError):\n"
      "    pass\n"
      "try:\n"
      "    raise NotFound(404, \"no such page\")\n"
      "except AppError as e:\n"
      "    print(type(e).__name__, e.code, e, e.args, isinstance(e, Exception))\n"
      "try:\n"
      "    raise KeyError(\"k\") from ValueError(\"v\")\n"
      "except KeyError as e:\n"
      "    print(repr(e), repr(e.__cause__))\n"
      "raise NotFound(500, \"boom\")\n"
      "");
  EXPECT_THAT(r.lines, ElementsAreArray(std::vector<std::string>{"NotFound 404 no such page ('no such page',) True", "KeyError('k') ValueError('v')", "Traceback (most recent call last):", "  File \"program.py\", line 15, in <module>", "NotFound: boom"}));
}

TEST(LangClasses, DundersDriveLenIndexingMembershipOperatorsCallsAndSorting) {
  const auto r = run_program("class Box:\n"
      "    def __init__(self, items): self.items = items\n"
      "    def __len__(self): return len(self.items)\n"
      "    def __getitem__(self, i): return self.items[i]\n"
      "    def __contains__(self, x): return x in self.items\n"
      "    def __add__(self, o): return Box(self.items + o.items)\n"
      "    def __call__(self, x): return x * 2\n"
      "    def __repr__(self): return f\"Box({self.items})\"\n"
      "    def __eq__(self, o): return self.items == o.items\n"
      "    def __lt__(self, o): return len(self) < len(o)\n"
      "b = Box([1, 2, 3]) + Box([4])\n"
      "print(len(b), b[0], 3 in b, 9 in b, b(21), bool(Box([])), b, sorted([b, Box([0])]), b == Box([1, 2, 3, 4]))\n"
      "class Countdown:\n"
      "    def __init__(self, n): self.n = n\n"
      "    def __iter__(self): return self\n"
      "    def __next__(self):\n"
      "        if self.n == 0:\n"
      "            raise StopIteration\n"
      "        self.n -= 1\n"
      "        return self.n + 1\n"
      "print(list(Countdown(3)), sum(Countdown(4)))\n"
      "");
  EXPECT_THAT(r.lines, ElementsAreArray(std::vector<std::string>{"4 1 True False 42 False Box([1, 2, 3, 4]) [Box([0]), Box([1, 2, 3, 4])] True", "[3, 2, 1] 10"}));
}

TEST(LangClasses, ChildForkedInsideAMethodGetsItsOwnCopyOfTheInstance) {
  const auto r = run_program("import os\n"
      "class Worker:\n"
      "    def __init__(self, name):\n"
      "        self.name = name\n"
      "        self.done = []\n"
      "    def run(self):\n"
      "        pid = os.fork()\n"
      "        self.done.append(pid == 0)\n"
      "        return pid\n"
      "w = Worker(\"w\")\n"
      "if w.run() == 0:\n"
      "    print(\"child\", w.done)\n"
      "else:\n"
      "    os.wait()\n"
      "    print(\"parent\", w.done)\n"
      "");
  EXPECT_THAT(r.lines, ElementsAreArray(std::vector<std::string>{"child [True]", "parent [False]"}));
}

TEST(LangClasses, WrongArgumentCountsGiveCPythonsMessages) {
  const auto r = run_program("class Dog:\n"
      "    def bark(self):\n"
      "        pass\n"
      "def f(a, b):\n"
      "    pass\n"
      "try:\n"
      "    Dog().bark(1)\n"
      "except TypeError as e:\n"
      "    print(e)\n"
      "try:\n"
      "    f()\n"
      "except TypeError as e:\n"
      "    print(e)\n"
      "def g(a, b=1):\n"
      "    pass\n"
      "try:\n"
      "    g(1, 2, 3)\n"
      "except TypeError as e:\n"
      "    print(e)\n"
      "");
  EXPECT_THAT(r.lines, ElementsAreArray(std::vector<std::string>{"Dog.bark() takes 1 positional argument but 2 were given", "f() missing 2 required positional arguments: 'a' and 'b'", "g() takes from 1 to 2 positional arguments but 3 were given"}));
}

// /usr/bin/python3 ends with these two lines for the same program.
TEST(LangClasses, InconsistentBaseOrderIsCPythonsMroTypeError) {
  const auto r = run_program("class A: pass\nclass B(A): pass\nclass C(A, B): pass\n");
  ASSERT_FALSE(r.lines.empty());
  EXPECT_EQ(r.lines.back(), "TypeError: Cannot create a consistent method resolution\norder (MRO) for bases A, B");
}

}  // namespace
}  // namespace proclab
