package dev.mailleaks.decode;

/** Decoded text of one part, ready for matching. */
public record TextUnit(String part, String text) {}
