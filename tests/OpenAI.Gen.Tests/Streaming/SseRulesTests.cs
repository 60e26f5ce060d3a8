using System.Linq;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;
using static OpenAI.Gen.Tests.Streaming.StreamFixtures;

namespace OpenAI.Gen.Tests.Streaming;

/// <summary>The server-sent-event rules, each on a real loopback answer whose bytes the test writes as they are.</summary>
public class SseRulesTests
{
    private LoopbackServer _server = null!;
    private byte[] _body = [];

    [OneTimeSetUp]
    public async Task StartServer() => _server = await LoopbackServer.StartAsync(async context =>
    {
        await LoopbackServer.BeginEventStreamAsync(context);
        await LoopbackServer.WriteAsync(context, _body);
    });

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    private async Task<string?[]> ContentsOf(string body)
    {
        _body = Encoding.UTF8.GetBytes(body);
        return Contents(await CollectAsync(_server.CreateClient().CreateChatCompletionStreamAsync(ChatRequest()))).ToArray();
    }

    [TestCase("\n", TestName = "LF line ends")]
    [TestCase("\r", TestName = "CR line ends")]
    [TestCase("\r\n", TestName = "CRLF line ends")]
    public async Task Line_ends(string eol)
    {
        var body = $"data: {ContentChunk("a")}{eol}{eol}data: {ContentChunk("b")}{eol}{eol}data: [DONE]{eol}{eol}";
        Assert.That(await ContentsOf(body), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public async Task Comment_and_keep_alive_lines_are_skipped()
    {
        var body = ": keep-alive\n\n:\n" + Event(ContentChunk("a")) + ": OPENROUTER PROCESSING\n\n" + Event(ContentChunk("b")) + ":x\n" + Done;
        Assert.That(await ContentsOf(body), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public async Task A_data_field_split_over_several_lines_is_joined()
    {
        // The data lines join with a line feed, which JSON reads as whitespace between members.
        var chunk = ContentChunk("split");
        var cut = chunk.IndexOf("\"choices\"", System.StringComparison.Ordinal);
        var body = "data: " + chunk.Substring(0, cut) + "\ndata: " + chunk.Substring(cut) + "\n\n" + Done;
        Assert.That(await ContentsOf(body), Is.EqualTo(new[] { "split" }));
    }

    [Test]
    public async Task Event_id_and_retry_fields_are_accepted()
    {
        var body = "event: message\nid: 1\nretry: 3000\ndata: " + ContentChunk("a") + "\n\n" +
                   "id: 2\ndata: " + ContentChunk("b") + "\nretry: 10\n\n" + Done;
        Assert.That(await ContentsOf(body), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public async Task Events_of_another_name_are_not_chunks()
    {
        var body = Event(ContentChunk("a")) + "event: ping\ndata: {\"type\":\"ping\"}\n\n" + Event(ContentChunk("b")) + Done;
        Assert.That(await ContentsOf(body), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public async Task Data_field_without_space_after_colon()
    {
        var body = "data:" + ContentChunk("a") + "\n\ndata:[DONE]\n\n";
        Assert.That(await ContentsOf(body), Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public async Task A_leading_UTF8_byte_order_mark_is_skipped()
    {
        var body = "\uFEFF" + ContentStream("a", "b");
        Assert.That(Encoding.UTF8.GetBytes(body).Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.That(await ContentsOf(body), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public async Task Non_ASCII_text_is_decoded()
    {
        Assert.That(await ContentsOf(ContentStream("héllo ", "世界 ", "🙂")), Is.EqualTo(new[] { "héllo ", "世界 ", "🙂" }));
    }

    [Test]
    public async Task Done_ends_the_stream_and_what_follows_is_ignored()
    {
        // Were the events after [DONE] read, the malformed one would throw.
        var body = Event(ContentChunk("a")) + Done + Event(ContentChunk("after")) + "data: {not json\n\n";
        Assert.That(await ContentsOf(body), Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public async Task A_stream_without_done_delivers_every_event()
    {
        Assert.That(await ContentsOf(Event(ContentChunk("a")) + Event(ContentChunk("b"))), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public async Task A_last_event_without_its_blank_line_is_delivered()
    {
        Assert.That(await ContentsOf(Event(ContentChunk("a")) + "data: " + ContentChunk("b")), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(await ContentsOf(Event(ContentChunk("a")) + "data: " + ContentChunk("b") + "\n"), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public async Task Empty_data_events_carry_no_chunk()
    {
        Assert.That(await ContentsOf("data:\n\n" + Event(ContentChunk("a")) + "data: \n\n" + Done), Is.EqualTo(new[] { "a" }));
    }
}
