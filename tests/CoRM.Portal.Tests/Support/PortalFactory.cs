using System.Net;
using System.Text.RegularExpressions;
using CoRM.Infrastructure.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoRM.Portal.Tests.Support;

/// <summary>
/// The real portal (Program.cs, middleware, endpoints) on its own copy of the seeded SQLite file.
/// Settings go in as host configuration because Program reads them while building the services
/// (test overrides added later would arrive too late: dotnet/aspnetcore#37680).
/// </summary>
public sealed partial class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string directory;
    private readonly string environment;
    private readonly Dictionary<string, string?> settings;

    private PortalFactory(string directory, string environment, IDictionary<string, string?>? extra)
    {
        this.directory = directory;
        this.environment = environment;
        settings = TestInstitution.SettingsFor(directory);
        settings["Jobs:RunServer"] = "false";
        // Production refuses to start without a certificate for the data-protection keys: give it a real one.
        if (environment == "Production") (settings["DataProtection:CertificatePath"], settings["DataProtection:CertificatePassword"]) = (TestCertificate(directory), "test");
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
    }

    public string Directory => directory;

    public static async Task<PortalFactory> CreateAsync(string environment = "Development", IDictionary<string, string?>? settings = null) =>
        new(await TestInstitution.CopyToNewDirectoryAsync(), environment, settings);

    /// <summary>A portal started again on the folder (database and job storage) of one that stopped: a restart.</summary>
    public static PortalFactory Restart(string directory, IDictionary<string, string?>? settings = null) => new(directory, "Development", settings);

    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(settings));
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseEnvironment(environment).ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));

    /// <summary>What the portal logged, with each entry's scope (user, circuit, request).</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Serves on a real Kestrel port (for the browser), instead of the in-memory test server.</summary>
    public Uri StartOnKestrel() => StartOnKestrel(FreePort());

    /// <summary>Serves on a given port: a restarted portal where the browser's reconnection looks for it.</summary>
    public Uri StartOnKestrel(int port)
    {
        UseKestrel(port);
        StartServer();
        return new Uri($"http://127.0.0.1:{port}");
    }

    /// <summary>A port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>A self-signed certificate with its private key, as a password-protected .pfx in the test's directory.</summary>
    public static string TestCertificate(string directory)
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=CoRM test keys", rsa,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(directory, "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "test"));
        return path;
    }

    public HttpClient CreateBrowserLikeClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the development sign-in page, as a person would: read the page, post its form.</summary>
    public static async Task SignInAsync(HttpClient client, string email)
    {
        var response = await PostSignInAsync(client, email, "/");
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in as {email} answered {response.StatusCode}.");
    }

    /// <summary>Posts the persona's sign-in form with its token and the given return URL; the response as it came.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string returnUrl)
    {
        var page = await client.GetStringAsync("/account/sign-in");
        var form = PersonaForm(email).Match(page);
        if (!form.Success) throw new InvalidOperationException($"No persona {email} on the sign-in page.");
        return await client.PostAsync("/account/dev-sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form.Value).Groups[1].Value,
            ["personaId"] = form.Groups["id"].Value,
            ["returnUrl"] = returnUrl,
        }));
    }

    public static string TokenFrom(string html) => AntiforgeryToken().Match(html).Groups[1].Value;

    private static Regex PersonaForm(string email) => new(
        "<form[^>]*dev-sign-in(?:(?!</form>).)*?name=\"personaId\" value=\"(?<id>\\d+)\"(?:(?!</form>).)*?" + Regex.Escape($"sign-in-{email}\"") + ".*?</form>",
        RegexOptions.Singleline);

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>Set by a test that restarts a portal on this folder: stopping keeps the files.</summary>
    public bool KeepFiles { get; set; }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (KeepFiles) return;
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner if a file is still held.
        }
    }
}
