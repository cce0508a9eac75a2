import Foundation
import Testing
import TSTestSupport

/// The child-process runner the command-line suites rely on: large input and output at once without a deadlock,
/// the deadline kills, the working folder and the exit status come through.
@Suite struct SubprocessRunner {
    @Test func feedsAndReadsTwoMebibytesThroughCat() throws {
        var rng = SplitMix64(seed: 7)
        let input = Data((0..<(2 << 20)).map { _ in UInt8(truncatingIfNeeded: rng.next()) })
        let r = try Subprocess.run("/bin/cat", [], stdin: input)
        #expect(r.status == 0 && r.signal == nil && !r.timedOut)
        #expect(r.stdout == input)
    }

    @Test func theDeadlineKillsAChildThatRunsOn() throws {
        let r = try Subprocess.run("/bin/sleep", ["600"], killAfter: 0.2)
        #expect(r.timedOut && r.signal == SIGKILL && r.status == 128 + SIGKILL)
    }

    @Test func folderStatusAndStandardErrorComeThrough() throws {
        let folder = FileManager.default.temporaryDirectory.resolvingSymlinksInPath()
        let r = try Subprocess.run("/bin/sh", ["-c", "pwd; echo oops >&2; exit 3"], in: folder, memoryKiB: 1 << 20)
        #expect(r.status == 3 && r.signal == nil)
        #expect(String(decoding: r.stdout, as: UTF8.self) == folder.path + "\n")
        #expect(String(decoding: r.stderr, as: UTF8.self) == "oops\n")
    }
}
