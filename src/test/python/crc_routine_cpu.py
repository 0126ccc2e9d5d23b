#!/usr/bin/python3
"""Runs code the way AN3155 Go (0x21) starts it, on one of QEMU's Cortex-M models (unicorn).

Used by org.romflash.peers.CrcRoutineCpuTest; generic enough for any small RAM program.

  crc_routine_cpu.py --cpu m0|m3|m4|m7 --memory FILE --go ADDR --landing ADDR --budget N
                     --dump ADDR LEN --result FILE

The memory file has one statement per line (numbers in C syntax, '#' starts a comment):
  map BASE SIZE      map zeroed RAM (BASE and SIZE multiples of 4 KiB)
  load ADDR FILE     copy FILE (relative to the memory file) to ADDR, inside a mapped region

Like Go: MSP = word at ADDR, PC = word at ADDR + 4. The run ends when PC reaches the landing
address (a fake bootloader reset handler), after about --budget instructions, or at any CPU
exception or invalid access. The result file has 'key value' lines:
  cpu NAME ID           the model asked for and the model unicorn reports
  end landing|budget|fault
  detail TEXT           why it ended (unicorn's error for a fault)
  pc / msp HEX          at the end
  instructions N        instructions executed outside the landing address (counted per
                        translated block: exact unless the run faulted inside a block)
  scs native|harness-page   whether the harness had to map the System Control Space page
                        (0xE000E000) for SysTick's registers; unicorn 2.0.1 does not model it
  write HEX SIZE HEX    one line per data write: address, bytes, value
  dump HEX HEX          the --dump range at the end: address, bytes as hex

Note on models: unicorn 2.0.1 forces Cortex-M33 whenever UC_MODE_MCLASS is given, whatever
ctl_set_cpu_model says (qemu/target/arm/cpu.c, cpu_arm_init). So this harness opens the engine
with UC_MODE_THUMB alone and selects the model; the Cortex-M models are M-profile by themselves
(MSP, msr/mrs, v6-M decoding on the M0), and the result reports the model actually in use.
"""
import argparse
import os
import struct
import sys

from unicorn import UC_ARCH_ARM, UC_HOOK_BLOCK, UC_HOOK_INTR, UC_HOOK_MEM_WRITE, UC_MODE_THUMB
from unicorn import Uc, UcError
from unicorn import arm_const

MODELS = {
    "m0": arm_const.UC_CPU_ARM_CORTEX_M0,
    "m3": arm_const.UC_CPU_ARM_CORTEX_M3,
    "m4": arm_const.UC_CPU_ARM_CORTEX_M4,
    "m7": arm_const.UC_CPU_ARM_CORTEX_M7,
}
SCS_PAGE = 0xE000E000
SYST_CSR = 0xE000E010
MAX_WRITES = 10000


def number(text):
    return int(text, 0)


def load_memory(uc, path):
    """Maps and fills memory as the memory file says; returns the mapped (base, end) pairs."""
    regions = []
    folder = os.path.dirname(os.path.abspath(path))
    with open(path, encoding="utf-8") as lines:
        for line_number, line in enumerate(lines, 1):
            words = line.split("#", 1)[0].split()
            if not words:
                continue
            if words[0] == "map" and len(words) == 3:
                base, size = number(words[1]), number(words[2])
                uc.mem_map(base, size)
                regions.append((base, base + size))
            elif words[0] == "load" and len(words) == 3:
                with open(os.path.join(folder, words[2]), "rb") as content:
                    uc.mem_write(number(words[1]), content.read())
            else:
                sys.exit("%s:%d: expected 'map BASE SIZE' or 'load ADDR FILE'" % (path, line_number))
    return regions


def thumb_instructions(code):
    """Counts the Thumb instructions in code: 0b11101, 0b11110, 0b11111 start a 32-bit one."""
    count, offset = 0, 0
    while offset + 1 < len(code):
        first = code[offset] | code[offset + 1] << 8
        offset += 4 if first >> 11 in (0b11101, 0b11110, 0b11111) else 2
        count += 1
    return count


class Run:
    """One Go: the counters the hooks keep."""

    def __init__(self, uc, landing, budget):
        self.landing, self.budget = landing, budget
        self.instructions, self.sizes, self.writes = 0, {}, []
        self.over_budget = False
        uc.hook_add(UC_HOOK_BLOCK, self.block)
        uc.hook_add(UC_HOOK_MEM_WRITE, self.write)
        uc.hook_add(UC_HOOK_INTR, self.interrupt)
        self.exception = None

    def block(self, uc, address, size, _):
        if address == self.landing:
            uc.emu_stop()
            return
        key = (address, size)
        if key not in self.sizes:
            self.sizes[key] = thumb_instructions(bytes(uc.mem_read(address, size)))
        self.instructions += self.sizes[key]
        if self.instructions > self.budget:
            self.over_budget = True
            uc.emu_stop()

    def write(self, uc, _access, address, size, value, _):
        if len(self.writes) < MAX_WRITES:
            self.writes.append((address, size, value & (1 << 8 * size) - 1))

    def interrupt(self, uc, number, _):
        self.exception = "CPU exception %d" % number
        uc.emu_stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cpu", choices=sorted(MODELS), required=True)
    parser.add_argument("--memory", required=True)
    parser.add_argument("--go", type=number, required=True)
    parser.add_argument("--landing", type=number, required=True)
    parser.add_argument("--budget", type=number, required=True)
    parser.add_argument("--dump", type=number, nargs=2, default=(0, 0))
    parser.add_argument("--result", required=True)
    args = parser.parse_args()

    uc = Uc(UC_ARCH_ARM, UC_MODE_THUMB)
    uc.ctl_set_cpu_model(MODELS[args.cpu])
    regions = load_memory(uc, args.memory)
    scs = "native"
    if not any(base <= SYST_CSR < end for base, end in regions):
        uc.mem_map(SCS_PAGE, 0x1000)
        scs = "harness-page"

    msp, entry = struct.unpack("<II", uc.mem_read(args.go, 8))
    uc.reg_write(arm_const.UC_ARM_REG_MSP, msp)
    uc.reg_write(arm_const.UC_ARM_REG_SP, msp)
    run = Run(uc, args.landing & ~1, args.budget)
    detail = ""
    try:
        uc.emu_start(entry, args.landing & ~1)
    except UcError as error:
        detail = str(error)
    pc = uc.reg_read(arm_const.UC_ARM_REG_PC)
    if detail or run.exception:
        end, detail = "fault", detail or run.exception
    elif pc == args.landing & ~1:
        end = "landing"
    elif run.over_budget:
        end, detail = "budget", "more than %d instructions" % args.budget
    else:
        end, detail = "fault", "stopped at 0x%08X" % pc

    lines = [
        "cpu %s %d" % (args.cpu, uc.ctl_get_cpu_model()),
        "end " + end,
        "detail " + (detail or "-"),
        "pc 0x%08X" % pc,
        "msp 0x%08X" % uc.reg_read(arm_const.UC_ARM_REG_MSP),
        "instructions %d" % run.instructions,
        "scs " + scs,
    ]
    lines += ["write 0x%08X %d 0x%X" % w for w in run.writes]
    if len(run.writes) == MAX_WRITES:
        lines.append("writes-truncated %d" % MAX_WRITES)
    address, length = args.dump
    if length:
        lines.append("dump 0x%08X %s" % (address, bytes(uc.mem_read(address, length)).hex()))
    with open(args.result, "w", encoding="utf-8") as result:
        result.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
