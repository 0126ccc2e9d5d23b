@ Toggles PC13 (the LED of "blue pill" STM32F103 boards) forever. Register addresses from RM0008:
@ RCC_APB2ENR 0x40021018 (bit 4 IOPCEN), GPIOC_CRH 0x40011004 (PC13 = bits 23:20), GPIOC_ODR
@ 0x4001100C. Built by build.sh into blink-f103.hex, the image the README flashes.
        .syntax unified
        .cpu cortex-m3
        .thumb

        .section .vectors, "a"
        .word   0x20005000              @ initial stack pointer: top of the 20 KiB RAM
        .word   reset                   @ reset handler (Thumb bit set by the linker)

        .text
        .global reset
        .type   reset, %function
        .thumb_func
reset:
        ldr     r0, =0x40021018
        ldr     r1, [r0]
        orr     r1, r1, #0x10           @ clock GPIOC
        str     r1, [r0]
        ldr     r0, =0x40011004
        ldr     r1, [r0]
        bic     r1, r1, #0x00F00000
        orr     r1, r1, #0x00200000     @ PC13: push-pull output, 2 MHz
        str     r1, [r0]
        ldr     r0, =0x4001100C
toggle:
        ldr     r1, [r0]
        eor     r1, r1, #0x2000
        str     r1, [r0]
        ldr     r2, =800000
wait:
        subs    r2, r2, #1
        bne     wait
        b       toggle
        .pool
