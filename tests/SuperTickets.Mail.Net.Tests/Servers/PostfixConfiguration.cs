namespace SuperTickets.Mail.Net.Tests.Servers;

/// <summary>The generated configuration files of <see cref="PostfixServer"/>.</summary>
internal sealed record PostfixConfiguration(string Directory, TestCertificate Certificate, int SubmissionPort, int SmtpsPort, uint MailUid)
{
    public string DovecotAuth() => $$"""
        protocols =
        base_dir = {{Directory}}/run
        state_dir = {{Directory}}/state
        log_path = {{Directory}}/dovecot.log
        ssl = no
        auth_mechanisms = plain login
        auth_failure_delay = 0
        passdb {
          driver = passwd-file
          args = scheme=PLAIN username_format=%u {{Directory}}/users
        }
        userdb {
          driver = static
          args = uid={{MailUid}} gid={{MailUid}} home={{Directory}}/mail
        }
        service auth {
          unix_listener {{Directory}}/run/auth-smtp {
            mode = 0666
          }
        }
        service anvil {
          unix_listener anvil-auth-penalty {
            mode = 0
          }
        }
        """;

    public string Main(IEnumerable<string> domains) => $"""
        compatibility_level = 3.6
        queue_directory = {Directory}/queue
        data_directory = {Directory}/data
        mail_owner = postfix
        setgid_group = postdrop
        myhostname = mail.test.local
        mydestination =
        inet_interfaces = 127.0.0.1
        inet_protocols = ipv4
        maillog_file = {Directory}/postfix.log
        maillog_file_prefixes = {Directory}
        alias_maps =
        alias_database =
        virtual_mailbox_domains = {string.Join(' ', domains)}
        virtual_mailbox_base = {Directory}/mail
        virtual_mailbox_maps = static:inbox/
        virtual_uid_maps = static:{MailUid}
        virtual_gid_maps = static:{MailUid}
        smtpd_tls_cert_file = {Certificate.CertificatePath}
        smtpd_tls_key_file = {Certificate.KeyPath}
        smtpd_tls_security_level = encrypt
        smtpd_tls_auth_only = yes
        smtpd_sasl_auth_enable = yes
        smtpd_sasl_type = dovecot
        smtpd_sasl_path = {Directory}/run/auth-smtp
        smtpd_relay_restrictions = reject_unauth_destination
        smtpd_recipient_restrictions = permit_sasl_authenticated, reject
        smtputf8_enable = yes
        message_size_limit = 20000000
        """;

    public string Master() => $"""
        127.0.0.1:{SubmissionPort} inet n - n - - smtpd
        127.0.0.1:{SmtpsPort} inet n - n - - smtpd -o smtpd_tls_wrappermode=yes
        cleanup   unix  n - n - 0 cleanup
        qmgr      unix  n - n 300 1 qmgr
        tlsmgr    unix  - - n 1000? 1 tlsmgr
        rewrite   unix  - - n - - trivial-rewrite
        bounce    unix  - - n - 0 bounce
        defer     unix  - - n - 0 bounce
        trace     unix  - - n - 0 bounce
        verify    unix  - - n - 1 verify
        proxymap  unix  - - n - - proxymap
        error     unix  - - n - - error
        retry     unix  - - n - - error
        discard   unix  - - n - - discard
        virtual   unix  - n n - - virtual
        anvil     unix  - - n - 1 anvil
        scache    unix  - - n - 1 scache
        postlog   unix-dgram n - n - 1 postlogd
        smtp      unix  - - n - - smtp
        """;
}
