@ The RAM CRC routine: computes the STM32 CRC of flash ranges on chips whose ROM bootloader
@ lacks Get Checksum (0xA1, AN3155 section 3.13), then hands control back to that bootloader.
@
@ Contract: protocol-spec/ram-crc-routine.md (layout version 1). Host side:
@ org.romflash.flash.CrcRoutine. Built by build-crc-routine into
@ src/main/resources/org/romflash/flash/crc-routine.bin.
@
@ Rules this file keeps, so that one blob runs on every STM32 at any 4-aligned load address:
@   - ARMv6-M instructions only (Cortex-M0/M0+); gas is run with -mcpu=cortex-m0 and rejects
@     anything else. Every Cortex-M3/M4/M7/M33 executes them too.
@   - Position independent: data is reached with adr and PC-relative literal loads only; the
@     object file has no relocations (build-crc-routine refuses one that has).
@   - No stack, no interrupt masking, no peripheral except SysTick's control register.
@
@ How it is started: the host writes this blob at L (words 0 and 1 patched: stack top and
@ L + entry + 1) followed by the parameter block at L + P, then sends Go L. The bootloader
@ loads MSP from [L] and jumps to [L + 4] (AN3155 section 3.5), i.e. to `entry` in Thumb state.
@
@ Instructions executed (measured in unicorn, pinned by CrcRoutineCpuTest through
@ CrcRoutine.worstCaseCycles): 23 once + 11 per range + 44 per 32-bit word. On a Cortex-M0 the
@ word loop takes 55 cycles (TRM timings: loads 2, taken branch 3, the rest 1).
@
@ Parameter block at L + P (see the contract):
@   +0x00 bootloader vector table address   +0x04 nonce   +0x08 n   +0x0C done word
@   +0x10 n pairs (start, length in bytes)  +0x10 + 8n  n CRC slots (written here)

        .syntax unified
        .cpu    cortex-m0
        .thumb
        .text

        .equ    MAGIC,      0x43524652          @ "RFRC" read as a little-endian word
        .equ    VERSION,    1
        .equ    DONE_XOR,   0x5A17C0DE          @ done word = nonce XOR this
        .equ    SYST_CSR,   0xE000E010          @ SysTick control and status register

@ ---- Header (0x00..0x13): looks like a vector table to Go, and describes the blob to the host.
blob:
        .word   0                               @ 0x00 initial SP: the host writes the stack top
        .word   entry - blob + 1                @ 0x04 reset handler: the host adds L (+1: Thumb)
        .word   MAGIC                           @ 0x08
        .word   VERSION                         @ 0x0C
        .word   params - blob                   @ 0x10 P: parameter block offset (blob length)

@ ---- Code. Registers, all low so that every instruction has its 16-bit ARMv6-M form:
@   r0 word pointer into the current range     r4 nibble table
@   r1 end of the current range                r5 scratch
@   r2 next (start, length) pair               r6 end of the pairs = first CRC slot
@   r3 CRC being computed                      r7 next CRC slot
entry:
        adr     r4, table
        adr     r6, params
        ldr     r7, [r6, #8]                    @ n
        lsls    r7, r7, #3                      @ 8n
        movs    r2, r6
        adds    r2, #0x10                       @ r2 = first pair
        adds    r6, r2, r7                      @ r6 = end of the pairs = first CRC slot
        movs    r7, r6                          @ r7 = first CRC slot

range_loop:
        cmp     r2, r6                          @ all pairs done?
        beq     ranges_done
        ldmia   r2!, {r0, r1}                   @ r0 = start, r1 = length
        adds    r1, r0, r1                      @ r1 = end (exclusive)
        movs    r3, #0
        mvns    r3, r3                          @ CRC = 0xFFFFFFFF, the CRC unit's reset value
        b       word_test                       @ a zero length (refused by the host) adds nothing

@ One 32-bit word per pass. As in the CRC unit (and Crc32Stm32), the word is the little-endian
@ load of four bytes, XORed into the CRC and shifted out most significant bit first; here four
@ bits at a time: CRC = (CRC << 4) XOR table[CRC >> 28], eight times. 44 instructions a word.
word_loop:
        ldmia   r0!, {r5}                       @ next data word (ldm: a 16-bit load with writeback)
        eors    r3, r5
        .rept   8
        lsrs    r5, r3, #28                     @ the four bits about to be shifted out
        lsls    r5, r5, #2                      @ table offset (no scaled register offset in ARMv6-M)
        ldr     r5, [r4, r5]
        lsls    r3, r3, #4
        eors    r3, r5
        .endr
word_test:
        cmp     r0, r1
        blo     word_loop                       @ unsigned: stops even past an odd length

        stmia   r7!, {r3}                       @ this range's CRC into its slot
        b       range_loop

ranges_done:
        adr     r6, params
        ldr     r0, [r6, #4]                    @ nonce
        ldr     r1, =DONE_XOR
        eors    r0, r1
        str     r0, [r6, #12]                   @ done word, after the last CRC

@ Leave the way application code enters the system bootloader (AN2606, "Jump to the system
@ memory from the application code"): SysTick off so that no tick arrives before the bootloader
@ has set itself up again, MSP from the bootloader's vector table, then its reset handler.
@ Nothing else the bootloader configured is touched (AN3155 3.5: it has already reset the
@ peripherals it used before jumping here).
        ldr     r1, =SYST_CSR
        movs    r0, #0
        str     r0, [r1]                        @ SYST_CSR = 0: counter and its interrupt off
        ldr     r0, [r6, #0]                    @ the bootloader's vector table
        ldr     r1, [r0, #0]
        msr     msp, r1                         @ its initial stack pointer
        ldr     r1, [r0, #4]
        bx      r1                              @ its reset handler (odd: Thumb); no return

        .ltorg                                  @ the two literals above, PC-relative

@ table[i] = the CRC register after shifting the 4-bit value i out of its top, MSB first:
@ i << 28 run through four steps of "shift left, XOR 0x04C11DB7 if a 1 fell out".
@ CrcRoutineTest recomputes it from Crc32Stm32.POLYNOMIAL.
        .balign 4
table:
        .word   0x00000000, 0x04C11DB7, 0x09823B6E, 0x0D4326D9 @  0 ..  3
        .word   0x130476DC, 0x17C56B6B, 0x1A864DB2, 0x1E475005 @  4 ..  7
        .word   0x2608EDB8, 0x22C9F00F, 0x2F8AD6D6, 0x2B4BCB61 @  8 .. 11
        .word   0x350C9B64, 0x31CD86D3, 0x3C8EA00A, 0x384FBDBD @ 12 .. 15

@ The blob ends here; the host writes the parameter block right after it (offset P).
        .balign 4
params:
