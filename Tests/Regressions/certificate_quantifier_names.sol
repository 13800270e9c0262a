// A loop over a storage array of structs: Spacer's invariant for the loop's entry quantifies a
// variable it names `x!1`, and the certificate named its own parameters `x!0`, `x!1`, ... so
// the quantifier captured a parameter and the independent check rejected a correct proof
// ("certificate rejected: clause 9 is false under the certificate"; now proved).
// @expect Members.panic@20:25 proved
contract Members {
    struct Member {
        address account;
        uint256 weight;
    }

    Member[] members;

    function join(address a) external {
        members.push(Member(a, 1));
    }

    function heavy() external view returns (uint256 count) {
        for (uint256 i = 0; i < members.length; i++) {
            if (members[i].weight > 0) count += 1;
        }
    }
}
