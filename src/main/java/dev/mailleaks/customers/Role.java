package dev.mailleaks.customers;

/** How a customer is tied to a secret, strongest evidence first. */
public enum Role {
  /** The secret itself names the customer's account (an AWS account id, a host in the customer's domain). */
  ACCOUNT("account"),
  /** A message carrying the secret came from the customer (From, Sender or Reply-To). */
  SENT_BY("sent-by"),
  /** A message carrying the secret was sent to the customer (To). */
  SENT_TO("sent-to"),
  /** The customer was copied (Cc). */
  COPIED("copied");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
