using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CoRM.Infrastructure.Security;

/// <summary>
/// The certificate that encrypts data-protection keys at rest (the keys sign cookies, antiforgery tokens, calendar and
/// unsubscribe links; whoever reads them from the database could forge any of those). A .pfx file with its password,
/// or a thumbprint in the machine's certificate store. Production refuses to start without one.
/// </summary>
public static class KeyProtection
{
    public const string Section = "DataProtection";

    public static X509Certificate2? CertificateFrom(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(Section);
        var path = section["CertificatePath"];
        var thumbprint = section["CertificateThumbprint"];
        if (!string.IsNullOrWhiteSpace(path))
        {
            if (!File.Exists(path)) throw new InvalidOperationException($"{Section}:CertificatePath names a file that does not exist: {path}");
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, section["CertificatePassword"]);
            return certificate.HasPrivateKey ? certificate
                : throw new InvalidOperationException($"The certificate in {Section}:CertificatePath has no private key, so it cannot decrypt the keys it protects.");
        }
        if (!string.IsNullOrWhiteSpace(thumbprint))
        {
            foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
            {
                using var store = new X509Store(StoreName.My, location);
                store.Open(OpenFlags.ReadOnly);
                var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint.Replace(" ", ""), validOnly: false);
                if (found.Count > 0) return found[0];
            }
            throw new InvalidOperationException($"No certificate with thumbprint {thumbprint} ({Section}:CertificateThumbprint) is in the certificate store.");
        }
        if (environment.IsProduction())
            throw new InvalidOperationException(
                $"In Production the data-protection keys must be encrypted at rest: set {Section}:CertificatePath (a .pfx file) and " +
                $"{Section}:CertificatePassword, or {Section}:CertificateThumbprint (a certificate in the store). The README's 'Production' section says how.");
        return null; // development and tests: keys in the database, unencrypted, as the embedded default
    }
}
