using System;
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
    private int _writeSize = int.MaxValue;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await LoopbackServer.StartAsync(async context =>
    {
        await LoopbackServer.BeginEventStreamAsync(context);
        for (var at = 0; at < _body.Length; at += _writeSize)
        {
            await LoopbackServer.WriteAsync(context, _body.AsSpan(at, Math.Min(_writeSize, _body.Length - at)).ToArray());
        }
    });

    [SetUp]
    public void WholeWrites() => _writeSize = int.MaxValue;

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

    [Test]
    public async Task An_event_without_data_is_not_dispatched_and_its_type_does_not_carry_over()
    {
        // The ping has no data line: nothing is dispatched, and the next event is a message again.
        var body = "event: ping\n\n" + Event(ContentChunk("a")) + "event: ping\nid: 7\n\n" + Event(ContentChunk("b")) + Done;
        Assert.That(await ContentsOf(body), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public async Task The_event_type_is_reset_after_each_dispatch()
    {
        var body = "event: ping\ndata: {}\n\n" + Event(ContentChunk("a")) + "event: other\ndata: 1\n\n" + Event(ContentChunk("b")) + Done;
        Assert.That(await ContentsOf(body), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public async Task An_empty_event_field_names_a_message()
    {
        Assert.That(await ContentsOf("event:\n" + Event(ContentChunk("a")) + "event: \n" + Event(ContentChunk("b")) + Done), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public async Task A_field_without_colon_has_an_empty_value()
    {
        // "data" alone appends an empty line to the data: the chunk after it still reads (JSON skips the line feed).
        Assert.That(await ContentsOf("data\ndata: " + ContentChunk("a") + "\n\n" + Done), Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public async Task Unknown_fields_are_ignored()
    {
        Assert.That(await ContentsOf("foo: bar\ndata: " + ContentChunk("a") + "\nbaz\n\n" + Done), Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public async Task Only_the_first_space_after_the_colon_is_removed()
    {
        // Two spaces: the value starts with one, which JSON skips; a tab is not removed either.
        Assert.That(await ContentsOf("data:  " + ContentChunk("a") + "\n\ndata:\t" + ContentChunk("b") + "\n\n" + Done), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public async Task A_byte_order_mark_after_the_start_is_part_of_the_line()
    {
        // Only the stream's first BOM is skipped: a later one makes the field name unknown, so that event has no data.
        Assert.That(await ContentsOf(Event(ContentChunk("a")) + "\uFEFF" + Event(ContentChunk("lost")) + Event(ContentChunk("b")) + Done), Is.EqualTo(new[] { "a", "b" }));
    }

    [TestCase("\n")]
    [TestCase("\r")]
    [TestCase("\r\n")]
    public async Task Events_written_one_byte_at_a_time_read_the_same(string eol)
    {
        _writeSize = 1;
        var body = "\uFEFF: hi" + eol + "event: ping" + eol + eol + $"data: {ContentChunk("é")}{eol}{eol}data: {ContentChunk("b")}{eol}{eol}data: [DONE]{eol}{eol}";
        Assert.That(await ContentsOf(body), Is.EqualTo(new[] { "é", "b" }));
    }

    [TestCase("data: ", "", TestName = "A line longer than MaxEventBytes stops the stream")]
    [TestCase("data: ", "\ndata: ", TestName = "Event data longer than MaxEventBytes stops the stream")]
    public async Task Event_size_limit(string prefix, string separator)
    {
        // Two data lines of 600 bytes each: one line fits in 1000 bytes, the joined data does not.
        var half = new string('x', 600);
        var body = Event(ContentChunk("a")) + prefix + half + (separator.Length == 0 ? half : separator + half) + "\n\n" + Done;
        _body = Encoding.UTF8.GetBytes(body);
        var client = new OpenAIClient(new System.Net.Http.HttpClient(), new OpenAIClientOptions { ApiKey = "sk-test", BaseUrl = _server.BaseUrl, MaxEventBytes = 1000 });
        var (items, error) = await CollectUntilErrorAsync(client.CreateChatCompletionStreamAsync(ChatRequest()));
        Assert.That(Contents(items), Is.EqualTo(new[] { "a" }));
        Assert.That(error, Is.TypeOf<OpenAIStreamException>());
        Assert.That(error!.Message, Does.Contain("MaxEventBytes").And.Contain("1000"));
        Assert.That(((OpenAIStreamException)error).EventNumber, Is.EqualTo(2));
    }
}
