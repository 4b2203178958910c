package dev.mailleaks.customers;

import java.util.List;

/** A customer directory that cannot be used, with every problem found, each with its line number. */
public final class CustomerFileException extends Exception {
  private final List<String> problems;

  public CustomerFileException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
