# The two quick-start commands (`make run`, `make test`) do all their own set-up:
# install missing Debian packages, configure, build.
BUILD     ?= build
JOBS      ?= $(shell nproc)
CMAKE_ARGS ?=
DEBIAN_PACKAGES := build-essential cmake pkg-config libgtest-dev libgmock-dev libbenchmark-dev \
  nlohmann-json3-dev libcli11-dev libfmt-dev libimgui-dev libglfw3-dev libstb-dev fonts-wqy-microhei xvfb xauth libgl1-mesa-dri

.PHONY: deps configure build run test bench clean

deps:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing Debian packages:" $$missing; \
	  SUDO=; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

configure: deps
	@cmake -S . -B $(BUILD) $(CMAKE_ARGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/bin/proclab

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	$(BUILD)/bin/proclab_bench --benchmark_counters_tabular=true
	$(BUILD)/bin/proclab_gui_bench

clean:
	rm -rf $(BUILD)
