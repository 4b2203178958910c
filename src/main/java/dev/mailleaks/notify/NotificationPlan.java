package dev.mailleaks.notify;

import dev.mailleaks.customers.Attribution;
import dev.mailleaks.customers.Attributor;
import dev.mailleaks.customers.Participants;
import dev.mailleaks.store.StoredOccurrence;
import dev.mailleaks.store.StoredSecret;
import dev.mailleaks.store.TriageStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is told about which secret: every secret attributed to its customers, and the secrets no customer could be
 * found for, which responders review by hand. Secrets triaged as false positives or already rotated are left out
 * unless {@code includeAll}.
 */
public record NotificationPlan(List<Notification> notifications, List<StoredSecret> unattributed) {
  public NotificationPlan {
    notifications = List.copyOf(notifications);
    unattributed = List.copyOf(unattributed);
  }

  public static NotificationPlan of(List<StoredSecret> secrets, List<StoredOccurrence> occurrences, Attributor attributor,
      boolean includeAll) {
    Map<String, List<Participants>> participants = new HashMap<>();
    for (StoredOccurrence o : occurrences) {
      participants.computeIfAbsent(o.fingerprint(), k -> new ArrayList<>())
          .add(new Participants(o.from(), o.sender(), o.replyTo(), o.to(), o.cc()));
    }
    List<Notification> notifications = new ArrayList<>();
    List<StoredSecret> unattributed = new ArrayList<>();
    for (StoredSecret secret : secrets) {
      if (!includeAll && TriageStatus.parse(secret.triageStatus()).closesNotification()) {
        continue;
      }
      List<Attribution> attributions =
          attributor.attribute(participants.getOrDefault(secret.fingerprint(), List.of()), secret.accounts());
      if (attributions.isEmpty()) {
        unattributed.add(secret);
      }
      for (Attribution a : attributions) {
        notifications.add(new Notification(a, secret));
      }
    }
    // Grouped by customer (directory order is kept by a stable sort on the customer's first appearance).
    Map<String, Integer> order = new HashMap<>();
    for (Notification n : notifications) {
      order.putIfAbsent(n.attribution().customer().id(), order.size());
    }
    notifications.sort(java.util.Comparator.comparingInt(n -> order.get(n.attribution().customer().id())));
    return new NotificationPlan(notifications, unattributed);
  }
}
