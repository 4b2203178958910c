package dev.mailleaks.source;

/** One message's bytes as stored (RFC 5322), before any decoding. */
public record RawMessage(MessageOrigin origin, byte[] bytes) {}
