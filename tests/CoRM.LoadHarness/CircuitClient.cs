using System.Buffers;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace CoRM.LoadHarness;

/// <summary>
/// One person's circuit without a browser: signs in over HTTP like the sign-in page's form, reads the prerendered page's
/// component marker, and speaks Blazor's hub protocol over a WebSocket as blazor.web.js does — starts the circuit,
/// acknowledges every render batch, answers the JavaScript calls a browser would (navigation, page title, element size),
/// clicks by dispatching events to the handler ids it reads from the render tree, follows links as location changes.
/// Thousands of these fit where Chromium fits a hundred tabs, so the portal's cores measure the portal.
/// </summary>
internal sealed partial class CircuitClient : IAsyncDisposable
{
    private readonly HttpClient http;
    private readonly HubConnection hub;
    private readonly Uri baseUri;
    private readonly RenderTree tree = new();
    private long lastBatchTicks;
    private long interopObjectId = -1;
    private int callId;
    private readonly TaskCompletionSource<bool> ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CircuitClient(HttpClient http, HubConnection hub, Uri baseUri, string persona)
    {
        this.http = http;
        this.hub = hub;
        this.baseUri = baseUri;
        Persona = persona;
        Uri = baseUri.ToString();
    }

    public string Persona { get; }

    /// <summary>LOAD_CLIENT_TRACE=1 writes what the portal sends to standard error.</summary>
    private static readonly bool Trace = Environment.GetEnvironmentVariable("LOAD_CLIENT_TRACE") == "1";

    /// <summary>The address in the (imagined) address bar.</summary>
    public string Uri { get; private set; }

    public string Landing => new Uri(Uri).AbsolutePath;

    /// <summary>What went wrong in the circuit (JS.Error, a dropped connection); null while it is well.</summary>
    public string? Failure { get; private set; }

    public RenderTree Tree => tree;

    public static async Task<CircuitClient> OpenAsync(Uri address, string persona, CancellationToken cancel)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = true }) { BaseAddress = address };
        await SignInAsync(http, persona, cancel);

        var page = await http.GetStringAsync("/", cancel);
        // Every interactive root the page marks (the head outlet and the routes), numbered as blazor.web.js numbers them.
        var markers = MarkerPattern().Matches(page).Select(m => JsonNode.Parse(m.Groups[1].Value)!.AsObject())
            .Where(m => (string?)m["type"] == "server").ToList();
        if (markers.Count == 0) throw new InvalidOperationException($"No interactive component on {persona}'s first page.");
        foreach (var m in markers) m.Remove("prerenderId");
        var state = StatePattern().Match(page) is { Success: true } s ? s.Groups[1].Value : "";

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(address, "_blazor"), HttpTransportType.WebSockets, o => o.Cookies = cookies)
            .WithServerTimeout(TimeSpan.FromMinutes(5));
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        var hub = builder.Build();
        var client = new CircuitClient(http, hub, address, persona);
        client.Listen();
        await hub.StartAsync(cancel);
        var secret = await hub.InvokeAsync<string?>("StartCircuit", address.ToString(), address.ToString(), "[]", state, cancel);
        if (string.IsNullOrEmpty(secret)) throw new InvalidOperationException($"The portal refused {persona}'s circuit: {client.Failure}");
        var operations = new JsonObject
        {
            ["batchId"] = 1,
            ["operations"] = new JsonArray(markers.Select((m, i) => (JsonNode)new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = m }).ToArray()),
        };
        await hub.SendAsync("UpdateRootComponents", operations.ToJsonString(), state, cancel);
        // The home page sends each person on to their landing page; ready once it shows its heading.
        await client.SettleAsync(Stopwatch.GetTimestamp(), t => t.Find(n => n.Name == "h1") is not null && new Uri(client.Uri).AbsolutePath != "/", cancel);
        return client;
    }

    private static async Task SignInAsync(HttpClient http, string persona, CancellationToken cancel)
    {
        var page = await http.GetStringAsync("/account/sign-in", cancel);
        var form = page.Split("<form").FirstOrDefault(f => f.Contains($"sign-in-{persona}\"", StringComparison.Ordinal))
                   ?? throw new InvalidOperationException($"No sign-in form for {persona}.");
        string Field(string name) => Regex.Match(form, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"").Groups[1].Value;
        using var response = await http.PostAsync("/account/dev-sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Field("__RequestVerificationToken")),
            ["personaId"] = Field("personaId"),
            ["returnUrl"] = "",
        }), cancel);
        response.EnsureSuccessStatusCode();
    }

    private void Listen()
    {
        hub.On<long, byte[]>("JS.RenderBatch", async (batchId, batch) =>
        {
            string? error = null;
            if (Trace) Console.Error.WriteLine($"{Persona}: batch {batchId}, {batch.Length} bytes");
            try { tree.Apply(batch); }
            catch (Exception e) { error = e.Message; Failure ??= $"render batch {batchId}: {e.Message}"; }
            Interlocked.Exchange(ref lastBatchTicks, Stopwatch.GetTimestamp());
            await hub.SendAsync("OnRenderCompleted", batchId, error);
        });
        hub.On<long, string, string, int, long, int>("JS.BeginInvokeJS", async (handle, identifier, argsJson, _, _, _) =>
        {
            if (Trace) Console.Error.WriteLine($"{Persona}: JS {identifier} {argsJson}");
            var result = await AnswerJavaScriptAsync(identifier, JsonNode.Parse(argsJson)!.AsArray());
            await hub.SendAsync("EndInvokeJSFromDotNet", handle, true, new JsonArray(handle, true, result).ToJsonString());
        });
        hub.On<string, bool, string>("JS.EndInvokeDotNet", (_, succeeded, result) =>
        {
            if (!succeeded) Failure ??= $"an event failed: {result}";
        });
        hub.On<string>("JS.Error", error => Failure ??= error);
        hub.On<int, string>("JS.AttachComponent", (_, _) => { });
        hub.On<long>("JS.EndUpdateRootComponents", _ => { });
        hub.Closed += e =>
        {
            if (e is not null) Failure ??= $"connection closed: {e.Message}";
            ended.TrySetResult(true);
            return Task.CompletedTask;
        };
    }

    /// <summary>What a browser would answer; anything unknown succeeds with nothing, as most of MudBlazor's calls return.</summary>
    private async Task<JsonNode?> AnswerJavaScriptAsync(string identifier, JsonArray args)
    {
        switch (identifier)
        {
            case "Blazor._internal.attachWebRendererInterop":
                interopObjectId = (long)args[1]!["__dotNetObject"]!;
                return null;
            case "Blazor._internal.navigationManager.navigateTo":
                if ((bool?)args[1]?["forceLoad"] == true) { Failure ??= $"a full page load to {args[0]} (not followed)"; return null; }
                await NavigateAsync((string)args[0]!, intercepted: false);
                return null;
            case "cormKeepListInUrl": // the list's view written into the address bar with replaceState, as start.js does
                // only while still on that list: under load the call can come after the person has moved on.
                if (new Uri(Uri).AbsolutePath == (string?)args[0]) Uri = new Uri(baseUri, (string)args[1]!).ToString();
                return null;
            case "Blazor._internal.PageTitle.getAndRemoveExistingTitle":
                return "CoRM";
            case "mudpopoverHelper.countProviders":
                return 0;
            case "mudResizeListener.getBrowserWindowSize":
                return new JsonObject { ["height"] = 900, ["width"] = 1400 };
            case "mudElementRef.getBoundingClientRect":
                return new JsonObject { ["x"] = 0, ["y"] = 48, ["width"] = 240, ["height"] = 852, ["top"] = 48, ["right"] = 240, ["bottom"] = 900, ["left"] = 0,
                    ["scrollY"] = 0, ["scrollX"] = 0, ["windowHeight"] = 900, ["windowWidth"] = 1400 };
            default:
                return null;
        }
    }

    /// <summary>Follows a link (intercepted: the router handles it in the circuit) or Back (not intercepted).</summary>
    public Task NavigateAsync(string address, bool intercepted)
    {
        Uri = new Uri(baseUri, address).ToString();
        return hub.SendAsync("OnLocationChanged", Uri, null, intercepted);
    }

    /// <summary>Clicks an element: dispatches its onclick handler as the browser's event delegation does.</summary>
    public Task ClickAsync(Node element)
    {
        var handler = element.HandlerFor("click");
        if (handler == 0) throw new InvalidOperationException($"<{element.Name}> has no click handler.");
        var call = Interlocked.Increment(ref callId).ToString(CultureInfo.InvariantCulture);
        var args = new JsonArray(
            new JsonObject { ["eventHandlerId"] = handler, ["eventName"] = "click", ["eventFieldInfo"] = null },
            new JsonObject { ["detail"] = 1, ["button"] = 0, ["buttons"] = 0, ["ctrlKey"] = false, ["shiftKey"] = false, ["altKey"] = false, ["metaKey"] = false, ["type"] = "click" });
        return hub.SendAsync("BeginInvokeDotNetFromJS", call, null, "DispatchEventAsync", interopObjectId, args.ToJsonString());
    }

    /// <summary>
    /// Waits until what was asked for has been drawn and the circuit has gone quiet (no render batch for 150 ms); returns
    /// the time from <paramref name="since"/> to the last batch, which is what a person waited to see the result.
    /// </summary>
    public async Task<TimeSpan> SettleAsync(long since, Func<RenderTree, bool> done, CancellationToken cancel)
    {
        var quiet = TimeSpan.FromMilliseconds(150);
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 60;
        long checkedAfter = 0; // the tree is read once per quiet spell, not on every poll: hundreds of clients share the cores
        while (true)
        {
            await Task.Delay(20, cancel);
            if (Failure is not null) throw new InvalidOperationException($"{Persona}: {Failure}");
            var last = Interlocked.Read(ref lastBatchTicks);
            if (last > since && last != checkedAfter && Stopwatch.GetElapsedTime(last) >= quiet)
            {
                checkedAfter = last;
                if (done(tree)) return Stopwatch.GetElapsedTime(since, last);
            }
            if (Stopwatch.GetTimestamp() > deadline)
                throw new TimeoutException($"{Persona} on {Uri}: the page did not show what was expected within a minute" +
                                           (Trace ? $": {string.Join(" | ", tree.FindAll(n => n.Name is "h1" or "main").Select(tree.TextOf)).ReplaceLineEndings(" ")}" : "."));
        }
    }

    /// <summary>
    /// One typical action, as <see cref="Session.ActAsync"/> does it in Chromium: faculty sort their advisees by risk and
    /// open the top student, then go Back; everyone else follows the second link of their menu and goes Back. Adds what
    /// each step waited for.
    /// </summary>
    public async Task ActAsync(System.Collections.Concurrent.ConcurrentBag<double> waited, CancellationToken cancel)
    {
        var landing = Uri;
        if (Landing.StartsWith("/advising", StringComparison.Ordinal))
        {
            var before = TopAdvisee();
            var sort = tree.Find(n => n.Name == "button" && n.HasClass("corm-sort-button") && tree.TextOf(n).Contains("Risk", StringComparison.Ordinal))
                       ?? throw new InvalidOperationException("No Risk sort button on My advisees.");
            var start = Stopwatch.GetTimestamp();
            await ClickAsync(sort);
            waited.Add((await SettleAsync(start, _ => TopAdvisee() != before, cancel)).TotalSeconds);

            var list = Uri; // with the sort the page wrote into the address
            var student = TopAdvisee() ?? throw new InvalidOperationException("No advisee to open.");
            start = Stopwatch.GetTimestamp();
            await NavigateAsync(student, intercepted: true);
            waited.Add((await SettleAsync(start, t => t.Find(n => n["data-testid"] == "profile-name") is not null, cancel)).TotalSeconds);
            start = Stopwatch.GetTimestamp();
            await NavigateAsync(list, intercepted: false);
            await SettleAsync(start, _ => TopAdvisee() is not null, cancel);
            return;
        }
        var nav = tree.Find(n => n["data-testid"] == "nav") ?? throw new InvalidOperationException("No menu.");
        var links = tree.FindAll(n => n.Name == "a" && n["href"] is not null, nav);
        if (links.Count < 2) return;
        var heading = Heading();
        var next = links[1]["href"]!;
        var started = Stopwatch.GetTimestamp();
        await NavigateAsync(next, intercepted: true);
        waited.Add((await SettleAsync(started, _ => Heading() != heading, cancel)).TotalSeconds);
        started = Stopwatch.GetTimestamp();
        await NavigateAsync(landing, intercepted: false);
        await SettleAsync(started, _ => Heading() == heading, cancel);
    }

    // The list's rows are markup (MyAdvisees.RowCells), read as the browser would parse them: the first row's link.
    private string? TopAdvisee()
    {
        var row = tree.Find(n => n.Kind == NodeKind.Markup && n.Text?.Contains("data-testid=\"advisee\"", StringComparison.Ordinal) == true);
        return row?.Text is { } html && AdviseeLinkPattern().Match(html) is { Success: true } link ? link.Groups[1].Value : null;
    }

    [GeneratedRegex("data-testid=\"advisee\"><a href=\"([^\"]+)\"")]
    private static partial Regex AdviseeLinkPattern();

    private string? Heading() => tree.Find(n => n.Name == "h1") is { } h1 ? tree.TextOf(h1) : null;

    public async ValueTask DisposeAsync()
    {
        await hub.DisposeAsync();
        http.Dispose();
    }

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerPattern();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex StatePattern();

    /// <summary>blazor.web.js's protocol: SignalR's MessagePack protocol under Blazor's name for it.</summary>
    private sealed class BlazorPackProtocol : IHubProtocol
    {
        private readonly MessagePackHubProtocol inner = new();
        public string Name => "blazorpack";
        public int Version => inner.Version;
        public TransferFormat TransferFormat => TransferFormat.Binary;
        public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);
        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message) =>
            inner.TryParseMessage(ref input, binder, out message);
        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);
        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);
    }
}
