package dev.mailleaks.findings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretAccountsTest {
  @Test
  void decodesTheAwsAccountIdOfAnAccessKeyId() {
    // cross-checked with the published algorithm (base32 after the prefix, 0x7fffffffff80 mask, >> 7)
    assertThat(SecretAccounts.awsAccountId("ASIAY34FZKBOKMUTVV7A")).isEqualTo("609629065308");
    assertThat(SecretAccounts.of("ASIAY34FZKBOKMUTVV7A", "")).isEqualTo("aws:609629065308");
  }

  @Test
  void anAccountGroupThatIsAHostNameIsAHost() {
    assertThat(SecretAccounts.of("postgres://u:p@db.acme.example/x", "DB.Acme.example")).isEqualTo("host:db.acme.example");
    assertThat(SecretAccounts.of("token", "workspace-7")).isEqualTo("workspace-7");
  }

  @Test
  void urlsNameTheirHostAndAzureConnectionStringsTheirStorageAccount() {
    assertThat(SecretAccounts.of("https://user:pw@ci.globex.example:8443/path", "")).isEqualTo("host:ci.globex.example");
    assertThat(SecretAccounts.of("DefaultEndpointsProtocol=https;AccountName=AcmeStore;AccountKey=abc", ""))
        .isEqualTo("azure-storage:acmestore");
  }

  @Test
  void aSecretThatNamesNothingHasNoAccount() {
    assertThat(SecretAccounts.of("hunter2-but-longer", "")).isEmpty();
  }
}
