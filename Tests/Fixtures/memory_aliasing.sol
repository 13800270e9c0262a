// Structs (and arrays) in memory are references: a write through a name whose object another
// name may share is not supported yet (the engines treat memory objects as values).
// @expect-error 22:9 "writing into the memory object of 'b', which another name may share, is not supported yet"
// @expect-error 28:9 "writing into the memory object of 'a', which another name may share, is not supported yet"
// @expect-error 32:9 "writing into the memory object of parameter 's', which the caller's names share, is not supported yet"
// @expect-error 37:9 "writing into the memory object of 'o', which another name may share, is not supported yet"
// @expect-error 42:9 "writing into the memory object of 'p', which another name may share, is not supported yet"
// @expect-error 51:9 "writing into the memory object of parameter 's', which the caller's names share, is not supported yet"
contract Aliasing {
    struct S {
        uint256 x;
    }
    struct Outer {
        S inner;
    }

    S stored;

    function secondName() public {
        S memory a = S(1);
        S memory b = a;
        b.x = 2;
    }

    function passed() public {
        S memory a = S(1);
        bump(a);
        a.x = 3;
    }

    function bump(S memory s) internal pure {
        s.x = 5;
    }

    function partOfAnother(S memory s) public pure {
        Outer memory o = Outer(s);
        o.inner.x = 1;
    }

    function twoReturned() public pure {
        (S memory p, ) = pair();
        p.x = 1;
    }

    function pair() internal pure returns (S memory, S memory) {
        S memory s = S(1);
        return (s, s);
    }

    function calledInternally(S memory s) public {
        s.x = 1;
        stored = s;
    }

    function caller() public {
        calledInternally(stored);
    }
}
