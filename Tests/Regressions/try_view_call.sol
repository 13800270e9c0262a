// `try` on a `view` function of another contract (OpenZeppelin's `GovernorVotes.clock()`,
// `UUPSUpgradeable`'s `proxiableUUID()` check): the call returns any value or fails, and the
// failure runs the `catch` clause. Both outcomes are replayed: the token's clock ahead of the
// block, and a token without a clock counted in the fallback.
// @expect Governor.assert@25 violated
// @expect Governor.assert@32 violated
// @expect Governor.assert@41 proved
interface IClock {
    function clock() external view returns (uint48);
}

contract Governor {
    IClock public token;
    uint256 public fallbacks;

    function clock() public view returns (uint48) {
        try token.clock() returns (uint48 timepoint) {
            return timepoint;
        } catch {
            return uint48(block.number);
        }
    }

    function check() external view {
        assert(clock() <= block.number);
    }

    function countFallback() external {
        try token.clock() returns (uint48) {} catch {
            fallbacks += 1;
        }
        assert(fallbacks == 0);
    }

    function bounded() external view returns (uint256 x) {
        try token.clock() returns (uint48 timepoint) {
            x = timepoint;
        } catch {
            x = 0;
        }
        assert(x < 2 ** 48);
    }

    function setToken(IClock t) external {
        token = t;
    }
}
