// Built-in check: a conversion to an enum of a value that may be out of its range is
// Solidity's panic (panic@LINE:COL, at the converted value). `setStage` takes a raw number
// from anyone; `setStageChecked` guards it and is proved safe.
// @expect panic@19:23 violated
// @expect panic@24:23 proved
contract Auction {
    enum Stage {
        Open,
        Closed,
        Settled
    }

    Stage public stage;
    address owner = msg.sender;

    function setStage(uint8 raw) public {
        require(msg.sender == owner);
        // Bug: 3 and above are no stage.
        stage = Stage(raw);
    }

    function setStageChecked(uint8 raw) public {
        require(msg.sender == owner && raw <= uint8(Stage.Settled));
        stage = Stage(raw);
    }
}
