// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Ownable} from "@base/access/Ownable.sol";
import {ReentrancyGuard} from "@base/utils/ReentrancyGuard.sol";

/// A staking pool in the shape of the ones built on OpenZeppelin: ether staked for shares,
/// a fee the owner sets within a cap, a pause switch, a cooldown before unstaking, rewards the
/// owner funds, and payouts in ether before the books are updated (as many real pools do),
/// made safe by `nonReentrant` on every function that changes state. Twenty-four public
/// functions; the properties are in specs/RewardPool.spec.
// @expect backed proved
// @expect stakeIsSum proved
// @expect rewardsAreSum proved
// @expect feeCapped proved
// @expect cooldownCapped proved
// @expect treasurySet proved
contract RewardPool is Ownable, ReentrancyGuard {
    uint256 public constant MAX_FEE_BPS = 1000;
    uint256 public constant MIN_STAKE = 100;

    mapping(address => uint256) public stakeOf;
    mapping(address => uint256) public rewardOf;
    mapping(address => uint256) public unlockAt;
    mapping(address => bool) public blocked;
    uint256 public totalStaked;
    uint256 public totalRewards;
    uint256 public feeBps;
    uint256 public feesOwed;
    uint256 public cooldown;
    uint256 public stakers;
    bool public paused;
    address public treasury;

    event Staked(address indexed who, uint256 amount);
    event Unstaked(address indexed who, uint256 amount);

    constructor(address owner_, address treasury_) Ownable(owner_) {
        require(treasury_ != address(0));
        treasury = treasury_;
        cooldown = 1 days;
    }

    modifier whenNotPaused() {
        require(!paused, "paused");
        _;
    }

    function stake() external payable nonReentrant whenNotPaused {
        require(!blocked[msg.sender], "blocked");
        require(msg.value >= MIN_STAKE, "too small");
        if (stakeOf[msg.sender] == 0) stakers += 1;
        stakeOf[msg.sender] += msg.value;
        totalStaked += msg.value;
        unlockAt[msg.sender] = block.timestamp + cooldown;
        emit Staked(msg.sender, msg.value);
    }

    function unstake() external nonReentrant {
        uint256 amount = stakeOf[msg.sender];
        require(amount > 0, "nothing staked");
        require(block.timestamp >= unlockAt[msg.sender], "cooling down");
        uint256 fee = (amount * feeBps) / 10000;
        (bool ok, ) = msg.sender.call{value: amount - fee}("");
        require(ok, "payout failed");
        stakeOf[msg.sender] = 0;
        totalStaked -= amount;
        feesOwed += fee;
        stakers -= 1;
        emit Unstaked(msg.sender, amount);
    }

    function claim() external nonReentrant whenNotPaused {
        uint256 reward = rewardOf[msg.sender];
        require(reward > 0, "no reward");
        (bool ok, ) = msg.sender.call{value: reward}("");
        require(ok, "payout failed");
        rewardOf[msg.sender] = 0;
        totalRewards -= reward;
    }

    function fundRewards(address to) external payable onlyOwner nonReentrant {
        require(stakeOf[to] > 0, "not a staker");
        rewardOf[to] += msg.value;
        totalRewards += msg.value;
    }

    function collectFees() external onlyOwner nonReentrant {
        uint256 amount = feesOwed;
        (bool ok, ) = treasury.call{value: amount}("");
        require(ok, "payout failed");
        feesOwed = 0;
    }

    function setFee(uint256 bps) external onlyOwner {
        require(bps <= MAX_FEE_BPS, "fee too high");
        feeBps = bps;
    }

    function setCooldown(uint256 seconds_) external onlyOwner {
        require(seconds_ <= 30 days, "too long");
        cooldown = seconds_;
    }

    function setTreasury(address treasury_) external onlyOwner {
        require(treasury_ != address(0));
        treasury = treasury_;
    }

    function pause() external onlyOwner {
        paused = true;
    }

    function unpause() external onlyOwner {
        paused = false;
    }

    function block_(address who) external onlyOwner {
        blocked[who] = true;
    }

    function unblock(address who) external onlyOwner {
        blocked[who] = false;
    }

    function pendingReward(address who) external view returns (uint256) {
        return rewardOf[who];
    }

    function unlockTime(address who) external view returns (uint256) {
        return unlockAt[who];
    }

    function isStaker(address who) external view returns (bool) {
        return stakeOf[who] > 0;
    }

    function feeOn(uint256 amount) external view returns (uint256) {
        return (amount * feeBps) / 10000;
    }

    function held() external view returns (uint256) {
        return address(this).balance;
    }
}
