@ A small Cortex-M3 program whose image is sparse and has initialised data: the vector table and
@ code at 0x08000000, the .data initialisers right after the code in flash (copied to RAM at
@ 0x20000000 by reset), a .bss that is never in the file, and a configuration block alone at
@ 0x08000800, so HEX, S-record and ELF hold two flash parts with a gap between them. Built by
@ build.sh into firmware.{elf,hex,srec,bin}: the format tests' fixtures.
        .syntax unified
        .cpu cortex-m3
        .thumb

        .section .vectors, "a"
        .word   _stack_top
        .word   reset

        .text
        .global reset
        .type   reset, %function
        .thumb_func
reset:
        ldr     r0, =_sidata            @ copy .data from its flash load address to RAM
        ldr     r1, =_sdata
        ldr     r2, =_edata
copy:
        cmp     r1, r2
        bhs     zero
        ldr     r3, [r0], #4
        str     r3, [r1], #4
        b       copy
zero:
        ldr     r2, =_ebss              @ clear .bss
        movs    r3, #0
clear:
        cmp     r1, r2
        bhs     main
        str     r3, [r1], #4
        b       clear
main:
        ldr     r0, =counter
        ldr     r1, [r0]
        adds    r1, r1, #1
        str     r1, [r0]
        b       main
        .pool

        .data
        .global counter
counter:
        .word   0xC0FFEE01              @ initial values: these bytes must be found in flash
greeting:
        .ascii  "romflash .data!\0"

        .bss
scratch:
        .space  64

        .section .config, "a"
        .word   0x5AA5F00D
        .ascii  "config block"
