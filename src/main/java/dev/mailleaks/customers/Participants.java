package dev.mailleaks.customers;

/** The correspondents of one message carrying a secret, as its header fields say (raw, not yet parsed). */
public record Participants(String from, String sender, String replyTo, String to, String cc) {}
