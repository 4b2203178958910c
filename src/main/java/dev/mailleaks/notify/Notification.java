package dev.mailleaks.notify;

import dev.mailleaks.customers.Attribution;
import dev.mailleaks.store.StoredSecret;

/** One secret to tell one customer about. */
public record Notification(Attribution attribution, StoredSecret secret) {}
