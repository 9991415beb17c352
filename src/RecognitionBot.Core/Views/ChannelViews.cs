using RecognitionBot.Core.Kudos.Channel;

namespace RecognitionBot.Core.Views;

/// <summary>A channel's board: its leaderboard for the period, then its latest kudos, newest first.</summary>
public static class ChannelViews
{
    public static View Board(ChannelBoardView board, ViewText v)
    {
        var leaderboard = ResultViews.Leaderboard(board.Leaderboard, v);
        List<ViewBlock> body = [new ViewLine([new TextSpan(leaderboard.Title ?? "")], LineStyle.Heading), .. leaderboard.Body];
        body.Add(v.Line(LineStyle.Heading, LineMark.None, "Channel.Recent"));
        if (board.Recent.Count == 0) body.Add(v.Line(LineStyle.Subtle, LineMark.None, "Channel.NoneYet"));
        foreach (var k in board.Recent)
        {
            var spans = v.Compose(
                "Channel.RecentLine", v.Person(k.Giver, notify: false), v.People(k.Recipients), v.Points(k.Points), ViewText.Typed(k.Message));
            body.Add(new ViewLine(spans, LineStyle.ListItem) { Stamp = v.Day(k.At) });
        }
        return new View(body) { Title = v["Channel.Title"], Summary = ViewLine.Text(v["Channel.Title"]) };
    }
}
